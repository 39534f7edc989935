using System.Globalization;
using System.Net;
using System.Text;

namespace NewsParsing.Tests.Infrastructure;

/// <summary>A Reuters-21578 story turned into plain wire copy: title line, byline, then dateline and body.</summary>
public sealed record ReutersStory(string Id, DateOnly Date, string Title, string? Author, string Dateline, string Body)
{
    /// <summary>The plain-text article: <c>TITLE\n[AUTHOR\n]DATELINE BODY</c>.</summary>
    public string Text => Title + "\n" + (Author is null ? "" : Author + "\n") + Dateline + Body;

    /// <summary>Where the dateline starts in <see cref="Text"/>.</summary>
    public int DatelineOffset => Title.Length + 1 + (Author is null ? 0 : Author.Length + 1);

    /// <summary>Where the body starts in <see cref="Text"/>.</summary>
    public int BodyOffset => DatelineOffset + Dateline.Length;
}

/// <summary>Reads the Reuters-21578 SGML files in <c>../shared/eval/reuters21578</c> and <c>reuters21578-more</c>.</summary>
public static class ReutersCorpus
{
    private static readonly Lazy<IReadOnlyList<ReutersStory>> Stories = new(() => Load("reuters21578"));
    private static readonly Lazy<IReadOnlyList<ReutersStory>> MoreStories = new(() => Load("reuters21578-more"));

    /// <summary>Every story of <c>reuters21578</c> that has a <c>&lt;DATELINE&gt;</c> and a <c>&lt;BODY&gt;</c>.</summary>
    public static IReadOnlyList<ReutersStory> WithDateline => Stories.Value;

    /// <summary>The same, from <c>reuters21578-more</c> (reut2-003 … reut2-021; empty when the folder is absent).</summary>
    public static IReadOnlyList<ReutersStory> More => MoreStories.Value;

    private static List<ReutersStory> Load(string folder)
    {
        var list = new List<ReutersStory>();
        var path = Path.Combine(Paths.Eval, folder);
        if (!Directory.Exists(path))
        {
            return list;
        }

        foreach (var file in Directory.EnumerateFiles(path, "reut2-*.sgm").Order(StringComparer.Ordinal))
        {
            var sgml = File.ReadAllText(file, Encoding.Latin1);
            var at = 0;
            while ((at = sgml.IndexOf("<REUTERS", at, StringComparison.Ordinal)) >= 0)
            {
                var end = sgml.IndexOf("</REUTERS>", at, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                var block = sgml[at..end];
                at = end;
                var dateline = Tag(block, "DATELINE");
                var body = Tag(block, "BODY");
                var title = Tag(block, "TITLE");
                var date = Tag(block, "DATE");
                if (dateline is null || body is null || title is null || date is null)
                {
                    continue;
                }

                var id = block[(block.IndexOf("NEWID=\"", StringComparison.Ordinal) + 7)..];
                id = id[..id.IndexOf('"', StringComparison.Ordinal)];
                var day = DateOnly.ParseExact(date.Trim().Split(' ')[0], "d-MMM-yyyy", CultureInfo.InvariantCulture);
                list.Add(new ReutersStory(id, day, Decode(title), Tag(block, "AUTHOR") is { } a ? Decode(a) : null, Decode(dateline), Decode(body)));
            }
        }

        return list;
    }

    private static string? Tag(string block, string name)
    {
        var open = block.IndexOf("<" + name + ">", StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        open += name.Length + 2;
        var close = block.IndexOf("</" + name + ">", open, StringComparison.Ordinal);
        return close < 0 ? null : block[open..close];
    }

    /// <summary>Decodes SGML entities; the control-character entities (&amp;#3; and the like) are dropped.</summary>
    private static string Decode(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '&' && i + 2 < s.Length && s[i + 1] == '#')
            {
                var semi = s.IndexOf(';', i);
                if (semi > 0 && semi - i < 6)
                {
                    i = semi;
                    continue;
                }
            }

            sb.Append(s[i]);
        }

        return WebUtility.HtmlDecode(sb.ToString());
    }
}
