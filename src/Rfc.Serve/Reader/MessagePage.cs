namespace Rfc.Serve.Reader;

/// <summary>A short page that says what went wrong: not stored, not in the index, not a path this server has.</summary>
internal static class MessagePage
{
    public static byte[] Render(string title, string message) =>
        Layout.Page(title, "", html => html.Append("<main class=\"message\"><h1>").AppendEscaped(title).Append("</h1><p>").AppendEscaped(message).Append("</p></main>"));
}
