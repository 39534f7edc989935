using System.Buffers.Binary;
using System.IO.Compression;
using NewsParsing.Model;

namespace NewsParsing.Cli;

/// <summary>Reads one input and parses it with the library: the only place that knows the input formats.</summary>
internal static class ArticleInput
{
    /// <summary>The largest input file read: 512 MiB (a .NET string holds at most about 1 G characters, and the
    /// library parses at most <c>MaxInputLength</c> characters of it). A bigger file is refused, not a run-ending
    /// out-of-memory.</summary>
    public const long MaxFileBytes = 512L << 20;

    /// <summary>Reads and parses <paramref name="input"/>: <c>.html</c>, <c>.htm</c> and <c>.html.gz</c> as pages, anything
    /// else as text. Damage found while reading (invalid UTF-8, a truncated gzip file) is added to <paramref name="damage"/>.</summary>
    /// <exception cref="IOException">The input cannot be read, is not a regular file or is too large.</exception>
    public static NewsArticle Parse(NewsPipeline pipeline, InputFile input, Stream stdin, List<Diagnostic> damage)
    {
        if (input.IsStdin)
        {
            using var all = new MemoryStream();
            stdin.CopyTo(all);
            return pipeline.Parse(InputText.Decode(all.GetBuffer().AsSpan(0, (int)all.Length), damage));
        }

        var path = input.Path;
        if (!FileKind.IsRegularFile(path))
        {
            throw new IOException("not a regular file (a FIFO, device or socket is not read)");
        }

        var size = new FileInfo(path).Length;
        if (size > MaxFileBytes)
        {
            throw new IOException($"the file is {size:N0} bytes, more than the {MaxFileBytes:N0} read");
        }

        if (InputFiles.HasExtension(path, ".html.gz"))
        {
            using var page = Gunzip(path, damage);
            return pipeline.ParseHtml(page);
        }

        if (InputFiles.HasExtension(path, ".html") || InputFiles.HasExtension(path, ".htm"))
        {
            using var file = File.OpenRead(path);
            return pipeline.ParseHtml(file);
        }

        return pipeline.Parse(InputText.Decode(File.ReadAllBytes(path), damage));
    }

    /// <summary>Parses an HTML page given as text (the <c>html</c> field of <c>--input-format jsonl</c>).</summary>
    public static NewsArticle ParseHtmlText(NewsPipeline pipeline, string html, string? url, NodaTime.LocalDate? published) =>
        pipeline.ParseHtml(html, url, published);

    /// <summary>
    /// Decompresses a <c>.html.gz</c> file. A truncated file decompresses without complaint to the text before the
    /// cut, so the gzip trailer is checked: its last four bytes are the decompressed length modulo 2^32 and must match
    /// what came out (a cut file ends in compressed data instead). A mismatch or an error in the stream is reported
    /// as <see cref="CliDiagnostics.TruncatedGzip"/> and the text before it is kept.
    /// </summary>
    private static MemoryStream Gunzip(string path, List<Diagnostic> damage)
    {
        var page = new MemoryStream();
        using var file = File.OpenRead(path);
        var truncated = false;
        try
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            var buffer = new byte[81920];
            int n;
            while ((n = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (page.Length + n > MaxFileBytes)
                {
                    throw new IOException($"the page decompresses to more than {MaxFileBytes:N0} bytes");
                }

                page.Write(buffer, 0, n);
            }
        }
        catch (InvalidDataException)
        {
            truncated = true;
        }

        if (!truncated)
        {
            Span<byte> trailer = stackalloc byte[4];
            file.Seek(-4, SeekOrigin.End);
            file.ReadExactly(trailer);
            truncated = BinaryPrimitives.ReadUInt32LittleEndian(trailer) != (uint)page.Length;
        }

        if (truncated)
        {
            damage.Add(CliDiagnostics.GzipTruncated());
        }

        page.Position = 0;
        return page;
    }
}
