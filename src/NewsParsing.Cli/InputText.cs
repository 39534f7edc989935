using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using NewsParsing.Model;

namespace NewsParsing.Cli;

/// <summary>Input damage the tool finds before the library sees the text: reported as diagnostics with the tool's own
/// codes (<c>NP09xx</c>), appended to the record's <c>diagnostics</c>.</summary>
internal static class CliDiagnostics
{
    /// <summary>Invalid UTF-8 bytes were replaced by U+FFFD.</summary>
    public const string InvalidUtf8 = "NP0901";

    /// <summary>A lone surrogate escape in a JSON string was replaced by U+FFFD.</summary>
    public const string LoneSurrogate = "NP0902";

    /// <summary>A <c>.html.gz</c> file ends before its gzip stream does: only the text before the cut was parsed.</summary>
    public const string TruncatedGzip = "NP0903";

    public static Diagnostic InvalidUtf8Replaced() =>
        new(InvalidUtf8, DiagnosticSeverity.Warning, "the input is not valid UTF-8: invalid bytes were replaced by U+FFFD");

    public static Diagnostic LoneSurrogateReplaced(string field) =>
        new(LoneSurrogate, DiagnosticSeverity.Warning, $"the '{field}' string has a lone surrogate escape: replaced by U+FFFD");

    public static Diagnostic GzipTruncated() =>
        new(TruncatedGzip, DiagnosticSeverity.Error, "the gzip file is truncated: only the text before the cut was parsed");
}

/// <summary>Bytes to text, with the damage reported; and text from inputs made safe for a terminal.</summary>
internal static class InputText
{
    private static readonly UTF8Encoding Replacing = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Decodes a text file's bytes as <see cref="File.ReadAllText(string)"/> does (a byte order mark chooses
    /// UTF-8, UTF-16 or UTF-32, else UTF-8), but reports invalid UTF-8 instead of hiding it.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, List<Diagnostic> diagnostics)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        if (!Utf8.IsValid(bytes))
        {
            diagnostics.Add(CliDiagnostics.InvalidUtf8Replaced());
        }

        return Replacing.GetString(bytes);
    }

    /// <summary>
    /// Text from an input (a path, an id, an exception message quoting the input) made safe for standard error:
    /// control characters (C0, DEL, C1), which could drive the terminal, are written as <c>\uXXXX</c>.
    /// </summary>
    public static string ForTerminal(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var clean = true;
        foreach (var c in text)
        {
            if (IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsControl(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsControl(char c) => c < 0x20 || c is >= '\u007F' and <= '\u009F';
}

/// <summary>What kind of file system entry a path is, checked before opening it: opening a FIFO blocks until a writer
/// comes, and a device such as <c>/dev/zero</c> never ends, so only regular files are read.</summary>
internal static partial class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxMode = 0x2;

    /// <summary>True when <paramref name="path"/> is a regular file (symbolic links followed), or when the platform cannot tell.</summary>
    public static bool IsRegularFile(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        try
        {
            // struct statx has the same layout on every Linux architecture: stx_mode is the u16 at offset 28.
            var buffer = new byte[256];
            if (Statx(AtFdCwd, path, 0, StatxMode, buffer) != 0)
            {
                return true; // the open that follows reports why
            }

            var mode = BitConverter.ToUInt16(buffer, 28);
            return (mode & 0xF000) == 0x8000;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
