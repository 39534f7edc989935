// Reads HTML pages (.html, .html.gz) and writes one JSON line per page: the extracted body text and, for
// NewsParsing, the headline, authors and publication time. Usage: HtmlSideBySide newsparsing|smartreader FILE...
// PAGE_URLS=FILE (lines "id<TAB>url") gives the pages' addresses, as a crawler would know them.
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NewsParsing;

var mode = args[0];
var files = args.Skip(1).ToList();
var pipeline = new NewsPipelineBuilder().Build();
var urls = Environment.GetEnvironmentVariable("PAGE_URLS") is { Length: > 0 } urlFile
    ? File.ReadLines(urlFile).Select(l => l.Split('\t', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1])
    : [];
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
var clock = Stopwatch.StartNew();
foreach (var file in files)
{
    var id = Path.GetFileName(file);
    id = id.EndsWith(".gz", StringComparison.Ordinal) ? id[..^3] : id;
    id = id.EndsWith(".html", StringComparison.Ordinal) ? id[..^5] : id;
    using Stream raw = File.OpenRead(file);
    using Stream stream = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
    var record = new Dictionary<string, object?> { ["id"] = id };
    var url = urls.GetValueOrDefault(id);
    try
    {
        if (mode == "smartreader")
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var html = reader.ReadToEnd();
            var article = new SmartReader.Reader(url ?? "https://example.com/", html).GetArticle();
            record["text"] = article.TextContent ?? "";
            record["headline"] = article.Title;
            record["authors"] = string.IsNullOrEmpty(article.Author) ? Array.Empty<string>() : [article.Author];
            record["published"] = article.PublicationDate?.ToString("o");
        }
        else
        {
            var article = pipeline.ParseHtml(stream, url);
            var sb = new StringBuilder(article.Dateline?.Text ?? "");
            foreach (var p in article.Body.Paragraphs)
            {
                sb.Append('\n').Append(p.Text);
            }

            record["text"] = sb.ToString();
            record["headline"] = article.Headline;
            var authors = article.Authors.Select(a => a.Name).ToList();
            record["authors"] = authors;
            record["agency"] = article.Agency?.Aliases.ToArray();
            record["published"] = article.PublishedAt?.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>", null);
            record["diagnostics"] = article.Diagnostics.Select(d => d.Code).ToArray();
        }
    }
    catch (Exception e)
    {
        record["error"] = e.GetType().Name + ": " + e.Message;
        record["text"] = "";
    }

    stdout.WriteLine(JsonSerializer.Serialize(record));
}

stdout.Flush();
Console.Error.WriteLine($"{mode}: {files.Count} pages in {clock.Elapsed.TotalSeconds:F2} s");
