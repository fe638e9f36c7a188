using System.Text;

namespace Rfc.Http.Tests.Http11;

/// <summary>Test inputs are written as C# strings; every char below U+0100 is the wire byte of the same value.</summary>
internal static class Wire
{
    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);
}
