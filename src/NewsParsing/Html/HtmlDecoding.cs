using System.Text;

namespace NewsParsing.Html;

/// <summary>Turns page bytes into text: a byte-order mark wins, then a declared charset, then UTF-8; bytes that are
/// not valid UTF-8 under a UTF-8 (or wrong) declaration fall back to Windows-1252, so a wrong declaration never fails.</summary>
internal static class HtmlDecoding
{
    static HtmlDecoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        var declared = DeclaredCharset(bytes[..Math.Min(bytes.Length, 4096)]);
        Encoding? encoding = null;
        if (declared is not null)
        {
            try
            {
                encoding = Encoding.GetEncoding(declared);
            }
            catch (ArgumentException)
            {
                encoding = null; // an unknown charset name
            }
        }

        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return Encoding.GetEncoding(1252).GetString(bytes);
            }
        }

        return encoding.GetString(bytes);
    }

    private static string? DeclaredCharset(ReadOnlySpan<byte> head)
    {
        var text = Encoding.ASCII.GetString(head);
        var at = text.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        at += 8;
        while (at < text.Length && text[at] is '"' or '\'' or ' ')
        {
            at++;
        }

        var end = at;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '_' or ':' or '.'))
        {
            end++;
        }

        return end > at ? text[at..end] : null;
    }
}
