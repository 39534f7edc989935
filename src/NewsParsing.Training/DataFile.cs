using System.IO.Compression;
using System.Text;

namespace NewsParsing.Training;

/// <summary>Writes the gzip data files of the training tools and parses their command-line options.</summary>
internal static class DataFile
{
    /// <summary>Writes <paramref name="lines"/> as gzip-compressed UTF-8 (no BOM, <c>\n</c> line ends). The gzip
    /// header's time stamp is zero and its OS byte is fixed to 255 ("unknown"), so the bytes do not depend on when or on
    /// which OS the file was made (they may still depend on the runtime's zlib version).</summary>
    public static long WriteGzipLines(string path, IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
            gzip.Write(bytes);
        }

        var data = buffer.ToArray();
        data.AsSpan(4, 4).Clear();
        data[9] = 255;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllBytes(path, data);
        return data.Length;
    }

    /// <summary>Splits <c>OUTPUT [--name value]...</c>; unknown options are errors.</summary>
    public static bool TryParse(string[] args, IReadOnlyCollection<string> known, out string output, out Dictionary<string, string> options)
    {
        output = "";
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                if (!known.Contains(name) || i + 1 >= args.Length)
                {
                    Console.Error.WriteLine($"unknown option or missing value: {args[i]}");
                    return false;
                }

                options[name] = args[++i];
            }
            else if (output.Length == 0)
            {
                output = args[i];
            }
            else
            {
                Console.Error.WriteLine($"unexpected argument: {args[i]}");
                return false;
            }
        }

        return output.Length > 0;
    }
}
