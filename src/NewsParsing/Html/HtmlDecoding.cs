using System.Text;
using System.Text.Unicode;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;
using NewsParsing.Model;

namespace NewsParsing.Html;

/// <summary>
/// Turns page bytes into a document with AngleSharp's byte-stream parser, which implements the HTML5 encoding rules: a
/// byte-order mark wins, then a charset the caller supplies (the transport's), then the page's <c>&lt;meta
/// charset&gt;</c>/<c>http-equiv</c>, then UTF-8. AngleSharp resolves legacy code pages through
/// <see cref="Encoding.GetEncoding(string)"/>, which on .NET finds them only after a process-wide provider
/// registration; instead of registering one (a side effect on the whole host process), a legacy charset that
/// AngleSharp could not honour is decoded here with <see cref="CodePagesEncodingProvider.Instance"/> and parsed again.
/// Damage is reported, never silent: invalid bytes (<c>NP0032</c>), an unknown charset (<c>NP0033</c>).
/// </summary>
internal static class HtmlDecoding
{
    /// <summary>Parses page bytes; <paramref name="html"/> is the decoded text the document's positions refer to.</summary>
    public static IDocument Parse(HtmlParser parser, byte[] bytes, int length, string? charset, List<Diagnostic> diagnostics, out string html)
    {
        var span = bytes.AsSpan(0, length);
        var bom = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? Encoding.UTF8
            : span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
            : span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode : null;
        var forced = bom;
        if (forced is null && !string.IsNullOrWhiteSpace(charset))
        {
            forced = Resolve(charset.Trim(), diagnostics);
        }

        if (forced is not null)
        {
            html = Decode(span, forced, declared: true, diagnostics);
            return parser.ParseDocument(html);
        }

        // AngleSharp's sniffing: the bytes are decoded as UTF-8 until a <meta charset> switches the decoder.
        IDocument? doc = null;
        try
        {
            doc = parser.ParseDocument(new MemoryStream(bytes, 0, length, writable: false));
        }
        catch (NotSupportedException)
        {
            doc = null; // a switch of encoding after text was read; decoded below from the declaration
        }

        var declaredName = doc is null ? null : DeclaredCharset(doc);
        var declared = declaredName is null ? null : Resolve(declaredName, diagnostics);
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            doc?.Dispose();
            html = Decode(span, declared, declared: true, diagnostics);
            return parser.ParseDocument(html);
        }

        if (Utf8.IsValid(span))
        {
            if (doc is not null)
            {
                html = doc.Source.Text;
                return doc;
            }

            html = Encoding.UTF8.GetString(span);
            return parser.ParseDocument(html);
        }

        doc?.Dispose();
        html = Decode(span, Encoding.UTF8, declared: declaredName is not null, diagnostics);
        return parser.ParseDocument(html);
    }

    /// <summary>Decodes text (a string input has no bytes; only its decoding matters for streams).</summary>
    private static string Decode(ReadOnlySpan<byte> bytes, Encoding encoding, bool declared, List<Diagnostic> diagnostics)
    {
        if (encoding.CodePage == Encoding.Unicode.CodePage || encoding.CodePage == Encoding.BigEndianUnicode.CodePage)
        {
            var skip = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) ? 2 : 0;
            return encoding.GetString(bytes[skip..]);
        }

        if (encoding.CodePage != Encoding.UTF8.CodePage)
        {
            return encoding.GetString(bytes);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // Invalid UTF-8. A page whose non-ASCII bytes are all invalid is in a legacy code page whatever it declares:
        // read it as Windows-1252 (the HTML5 default for undeclared pages); a page with good UTF-8 and a few bad bytes
        // keeps its UTF-8 (U+FFFD for the bad bytes) rather than turning all its non-ASCII text into mojibake.
        var text = Encoding.UTF8.GetString(bytes);
        int replaced = 0, good = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD')
            {
                replaced++;
            }
            else if (c > '\u007F')
            {
                good++;
            }
        }

        if (good == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.HtmlInvalidBytes, DiagnosticSeverity.Warning,
                $"The page {(declared ? "declares UTF-8 but" : "declares no charset and")} is not valid UTF-8 ({replaced} bad sequences, no valid ones); it was read as Windows-1252."));
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)?.GetString(bytes) ?? Encoding.Latin1.GetString(bytes);
        }

        diagnostics.Add(new Diagnostic(DiagnosticCodes.HtmlInvalidBytes, DiagnosticSeverity.Warning,
            $"The page has {replaced} byte sequences that are not valid UTF-8; each became U+FFFD."));
        return text;
    }

    /// <summary>The charset a parsed page declares in its head (<c>&lt;meta charset&gt;</c> or <c>http-equiv</c>).</summary>
    private static string? DeclaredCharset(IDocument doc)
    {
        if (doc.Head is not { } head)
        {
            return null;
        }

        foreach (var meta in head.Children)
        {
            if (meta.LocalName != "meta")
            {
                continue;
            }

            if (meta.GetAttribute("charset") is { Length: > 0 } charset)
            {
                return charset.Trim();
            }

            if (string.Equals(meta.GetAttribute("http-equiv"), "content-type", StringComparison.OrdinalIgnoreCase)
                && meta.GetAttribute("content") is { } content)
            {
                var at = content.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    var value = content[(at + 7)..].TrimStart(' ', '=', '"', '\'');
                    var end = value.IndexOfAny([';', '"', '\'', ' ']);
                    return end < 0 ? value : value[..end];
                }
            }
        }

        return null;
    }

    /// <summary>An encoding for a WHATWG label (AngleSharp's table), built without a process-wide provider; unknown
    /// names are a diagnostic and null.</summary>
    private static Encoding? Resolve(string label, List<Diagnostic> diagnostics)
    {
        if (TextEncoding.IsSupported(label))
        {
            var encoding = TextEncoding.Resolve(label);
            if (encoding.CodePage != Encoding.UTF8.CodePage || label.Contains("utf-8", StringComparison.OrdinalIgnoreCase) || label.Contains("utf8", StringComparison.OrdinalIgnoreCase))
            {
                return encoding;
            }

            // AngleSharp fell back to UTF-8 because the code page is not registered in this process
            var legacy = Legacy(label);
            if (legacy is not null)
            {
                return legacy;
            }
        }
        else if (Legacy(label) is { } known)
        {
            return known;
        }

        diagnostics.Add(new Diagnostic(DiagnosticCodes.HtmlUnknownCharset, DiagnosticSeverity.Warning,
            $"The charset \"{Printable(label)}\" is not known; the page was read as UTF-8."));
        return null;
    }

    private static Encoding? Legacy(string label)
    {
        var name = label.ToLowerInvariant() switch
        {
            "latin1" or "l1" or "iso-8859-1" or "iso8859-1" or "iso88591" or "iso_8859-1" or "ascii" or "us-ascii" or "cp1252" or "x-cp1252" or "cp819" or "ibm819" => "windows-1252",
            "utf-7" or "utf7" => null, // HTML5 never decodes UTF-7 (a script-injection vector); read as UTF-8
            var other => other,
        };
        if (name is null)
        {
            return null;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? (name is "utf-8" ? Encoding.UTF8 : null);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Printable(string s)
    {
        var sb = new StringBuilder(Math.Min(s.Length, 40));
        foreach (var c in s)
        {
            if (sb.Length >= 40)
            {
                break;
            }

            sb.Append(char.IsControl(c) ? '?' : c);
        }

        return sb.ToString();
    }
}
