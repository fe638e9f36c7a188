using System.Globalization;
using System.Text.RegularExpressions;
using Rfc.Documents;

namespace Rfc;

/// <summary>
/// Where documents come from: a URL template containing <c>{n}</c>, or a base URL to which
/// <c>rfcN.txt</c> is appended, or a named source (<c>rfc-editor</c>, <c>ietf</c>).
/// </summary>
public sealed partial class DocumentSource
{
    /// <summary>The placeholder replaced by the RFC number.</summary>
    public const string Placeholder = "{n}";

    /// <summary>The RFC Editor's canonical location, the default.</summary>
    public const string RfcEditorTemplate = "https://www.rfc-editor.org/rfc/rfc{n}.txt";

    /// <summary>The classic IETF location, which redirects to the RFC Editor.</summary>
    public const string IetfTemplate = "http://www.ietf.org/rfc/rfc{n}.txt";

    private DocumentSource(string template) => Template = template;

    /// <summary>The default source: <see cref="RfcEditorTemplate"/>.</summary>
    public static DocumentSource Default { get; } = new(RfcEditorTemplate);

    /// <summary>The template, always containing <see cref="Placeholder"/>.</summary>
    public string Template { get; }

    /// <summary>
    /// Parses what the user gave. Throws <see cref="InvalidSourceException"/> naming the bad part:
    /// a scheme other than http/https, a port outside 1–65535, a missing host.
    /// </summary>
    public static DocumentSource Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        string trimmed = text.Trim();
        switch (trimmed.ToUpperInvariant())
        {
            case "RFC-EDITOR":
                return Default;
            case "IETF":
                return new DocumentSource(IetfTemplate);
        }

        string shown = WithoutPassword(trimmed);
        string template = trimmed.Contains(Placeholder, StringComparison.Ordinal)
            ? trimmed
            : trimmed.TrimEnd('/') + "/rfc" + Placeholder + ".txt";

        Match scheme = SchemePattern().Match(template);
        if (!scheme.Success)
        {
            throw new InvalidSourceException($"source '{shown}' is not a URL (expected e.g. https://www.rfc-editor.org/rfc/rfc{{n}}.txt)");
        }

        string schemeName = scheme.Groups["scheme"].Value.ToUpperInvariant();
        if (schemeName is not ("HTTP" or "HTTPS"))
        {
            throw new InvalidSourceException($"source '{shown}' uses the scheme '{scheme.Groups["scheme"].Value}'; only http and https are supported");
        }

        Match port = PortPattern().Match(template);
        if (port.Success && port.Groups["port"].Value.Length > 0)
        {
            string digits = port.Groups["port"].Value;
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value is < 1 or > 65535)
            {
                throw new InvalidSourceException($"source '{shown}' has an invalid port {digits} (ports are 1 to 65535)");
            }
        }

        if (!Uri.TryCreate(template.Replace(Placeholder, "1", StringComparison.Ordinal), UriKind.Absolute, out Uri? probe) || probe.Host.Length == 0)
        {
            throw new InvalidSourceException($"source '{shown}' is not a valid URL (check the host name and port)");
        }

        return new DocumentSource(template);
    }

    /// <summary>
    /// The URL of RFC <paramref name="number"/> at this source. User info in the template is dropped: neither
    /// transport sends it, and a URL that carries a password would show it in every error and trace line.
    /// </summary>
    public Uri Resolve(RfcNumber number)
    {
        Uri uri = new(Template.Replace(Placeholder, number.ToString(), StringComparison.Ordinal));
        return uri.UserInfo.Length == 0 ? uri : new Uri(uri.GetComponents(UriComponents.HttpRequestUrl | UriComponents.Fragment, UriFormat.UriEscaped));
    }

    /// <inheritdoc />
    public override string ToString() => WithoutPassword(Template);

    /// <summary><paramref name="url"/> with the password of its user info shown as <c>***</c>.</summary>
    private static string WithoutPassword(string url) => PasswordPattern().Replace(url, "${before}***@", 1);

    // scheme://user:password@ — the password is everything from the first colon of the user info to the '@'.
    [GeneratedRegex(@"^(?<before>[A-Za-z][A-Za-z0-9+.\-]*://[^:@/?#]*:)[^@/?#]*@")]
    private static partial Regex PasswordPattern();

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://")]
    private static partial Regex SchemePattern();

    // The port of the authority: after the host (a name, an IPv4 address, or an IPv6 literal in brackets).
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#\[\]]*)(?::(?<port>[^/?#]*))?")]
    private static partial Regex PortPattern();
}
