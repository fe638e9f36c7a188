using Microsoft.Playwright;

namespace Rfc.Serve.Tests;

/// <summary>
/// The reader in a real browser: Playwright driving Debian's chromium (never a downloaded one). Every page is
/// checked for console errors and uncaught exceptions, and for dialogs (which would mean a document's text ran).
/// </summary>
[Collection(ServedLibraryCollection.Name)]
public sealed class BrowserTests(ServedLibrary library) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly List<string> _problems = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium) || library.SkipReason is not null)
        {
            return;
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private async Task<IPage> OpenAsync(string path, ColorScheme scheme = ColorScheme.Light, int width = 1280)
    {
        library.RequireCorpus();
        if (_browser is null)
        {
            Assert.Skip($"{Chromium} is not installed (.ci/run installs Debian's chromium)");
        }

        IPage page = await _browser.NewPageAsync(new BrowserNewPageOptions { ColorScheme = scheme, ViewportSize = new ViewportSize { Width = width, Height = 900 } });

        // A hang guard, not a speed goal: Playwright's 30 s default timed out twice on a 2-core machine busy with builds.
        page.SetDefaultTimeout(120_000);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _problems.Add($"{page.Url}: console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Add($"{page.Url}: uncaught {error}");
        page.Dialog += async (_, dialog) =>
        {
            _problems.Add($"{page.Url}: a {dialog.Type} dialog opened: {dialog.Message}");
            await dialog.DismissAsync();
        };
        await page.GotoAsync(library.Url(path).ToString());
        return page;
    }

    private static Task<bool> InViewAsync(IPage page, string id) =>
        page.EvaluateAsync<bool>("id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }", id);

    [Fact]
    public async Task Search_FindsAPhrase_AndOpensTheResultAtItsSection()
    {
        IPage page = await OpenAsync("/");

        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("\"Last-Modified\"");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/?q=*");
        ILocator hit = page.Locator("#text-results a.hit[href^='/rfc/9110#']").First;
        string href = (await hit.GetAttributeAsync("href"))!;
        await hit.ClickAsync();
        await page.WaitForURLAsync("**/rfc/9110#*");

        Assert.True(await InViewAsync(page, href[(href.IndexOf('#') + 1)..]));
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task SectionLink_GoesToTheSection_WithTheRfcEditorsFragment()
    {
        IPage page = await OpenAsync("/rfc/9110");

        await page.Locator("pre.rfc a[href='#section-8.8.3']").First.ClickAsync();
        await page.WaitForURLAsync("**/rfc/9110#section-8.8.3");

        Assert.True(await InViewAsync(page, "section-8.8.3"));
        Assert.Equal("8.8.3.  ETag", await page.Locator("[id='section-8.8.3']").InnerTextAsync());
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task RfcLink_OpensThatRfc()
    {
        IPage page = await OpenAsync("/rfc/9110");

        await page.Locator("pre.rfc a[href='/rfc/9112']").First.ClickAsync();
        await page.WaitForURLAsync("**/rfc/9112");

        Assert.Equal("RFC 9112: HTTP/1.1", await page.TitleAsync());
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task ObsoleteRfc_ShowsABannerNamingItsReplacements()
    {
        IPage page = await OpenAsync("/rfc/2616");

        string banner = await page.Locator(".banner.obsolete").InnerTextAsync();

        Assert.Equal("RFC 2616 is obsolete. The current documents are RFC 9110, RFC 9111 and RFC 9112.", banner);
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task Contents_HighlightTheCurrentSection_AndToggleWithT()
    {
        IPage page = await OpenAsync("/rfc/9110#section-8.8.3");
        await page.WaitForFunctionAsync("() => document.querySelector('#contents a.current')?.getAttribute('href') === '#section-8.8.3'");
        await page.EvaluateAsync("() => document.getElementById('section-15.5.5').scrollIntoView()"); // To the top, as reading does.
        await page.WaitForFunctionAsync("() => document.querySelector('#contents a.current')?.getAttribute('href') === '#section-15.5.5'");
        bool openBefore = await page.EvaluateAsync<bool>("() => document.getElementById('contents').open");
        await page.Keyboard.PressAsync("t");
        bool openAfter = await page.EvaluateAsync<bool>("() => document.getElementById('contents').open");

        Assert.True(await page.Locator("#contents a").CountAsync() > 200);
        Assert.True(openBefore);
        Assert.False(openAfter);
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task ScriptInADocument_RendersAsText_AndRunsNothing()
    {
        IPage page = await OpenAsync($"/rfc/{ServedLibrary.Hostile}");

        string text = await page.Locator("pre.rfc").InnerTextAsync();
        int injected = await page.EvaluateAsync<int>("() => document.querySelectorAll('pre script, pre img').length");

        Assert.Contains("An example: <script>alert(1)</script> and <img src=x onerror=alert(2)>", text, StringComparison.Ordinal);
        Assert.Equal(0, injected);
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task DarkScheme_IsFollowed_AndPagesHaveNoConsoleErrors()
    {
        IPage dark = await OpenAsync("/rfc/9110", ColorScheme.Dark);
        string darkBackground = await dark.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        IPage light = await OpenAsync("/rfc/9110", ColorScheme.Light);
        string lightBackground = await light.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        foreach (string path in (string[])["/", "/?q=congestion", "/rfc/2616/info", "/rfc/1", "/no/such/page"])
        {
            await OpenAsync(path, ColorScheme.Dark, width: 390);
        }

        IPage phone = await OpenAsync("/rfc/2616", ColorScheme.Dark, width: 390);
        bool contentsOpenOnPhone = await phone.EvaluateAsync<bool>("() => document.getElementById('contents').open");
        int overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        Assert.Equal("rgb(23, 24, 26)", darkBackground);
        Assert.Equal("rgb(253, 253, 251)", lightBackground);
        Assert.False(contentsOpenOnPhone);
        Assert.Equal(0, overflow); // Only the text scrolls sideways, inside its own box; the page fits the phone.
        Assert.DoesNotContain(_problems, p => !p.Contains("404", StringComparison.Ordinal)); // The two 404 pages say so in the console.
    }

    /// <summary>Writes the README's screenshots when RFC_SCREENSHOTS names a folder (docs/ in the repository).</summary>
    [Fact]
    public async Task Screenshots_AreWritten_WhenAsked()
    {
        string? folder = Environment.GetEnvironmentVariable("RFC_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            Assert.Skip("set RFC_SCREENSHOTS to a folder to write the README's screenshots");
        }

        IPage reader = await OpenAsync("/rfc/9110#section-8.8.3");
        await reader.WaitForFunctionAsync("() => document.querySelector('#contents a.current') !== null");
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "serve-reader.png") });
        IPage search = await OpenAsync("/?q=" + Uri.EscapeDataString("conditional requests"));
        await search.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "serve-search.png") });

        Assert.True(File.Exists(Path.Combine(folder, "serve-reader.png")));
        Assert.Empty(_problems);
    }
}
