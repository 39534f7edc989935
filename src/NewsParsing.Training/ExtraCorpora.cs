using NewsParsing.Entities;

namespace NewsParsing.Training;

/// <summary>
/// Readers for labelled data beyond CoNLL-2003 (docs/entities.md "More training data"), mapped to CoNLL's PER, LOC, ORG
/// and MISC as <c>../shared/nerdata/README.md</c> says, each document a list of sentences.
/// </summary>
internal static class ExtraCorpora
{
    /// <summary>
    /// Universal NER English (<c>.iob2</c>: <c># newdoc</c> / <c># sent_id</c> / <c># text</c> comments, then
    /// <c>index TAB token TAB tag ...</c>). PER, LOC and ORG are kept; OTH and the stray <c>B-O</c> of the pre-release
    /// train file become O. A document is a <c># newdoc id</c> block. UNER does not annotate CoNLL's MISC (nationalities,
    /// events, products): with <paramref name="partial"/>, a capitalised O word after the first of its sentence is
    /// marked unknown (<c>?</c>) so training does not learn "not a name" from what may be a MISC name.
    /// </summary>
    public static List<List<ConllSentence>> ReadUner(string path, bool partial)
    {
        var documents = new List<List<ConllSentence>>();
        var document = new List<ConllSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# newdoc", StringComparison.Ordinal) && document.Count > 0)
            {
                documents.Add(document);
                document = [];
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length == 0)
            {
                Flush(document, words, tags);
                continue;
            }

            var c = line.Split('\t');
            var tag = c[2] switch
            {
                "B-PER" or "I-PER" or "B-LOC" or "I-LOC" or "B-ORG" or "I-ORG" => c[2],
                _ => "O",
            };
            words.Add(c[1]);
            tags.Add(partial && tag == "O" && words.Count > 1 && char.IsUpper(c[1][0]) ? "?" : tag);
        }

        Flush(document, words, tags);
        if (document.Count > 0)
        {
            documents.Add(document);
        }

        return documents;
    }

    /// <summary>
    /// CrossNER (<c>token TAB tag</c>, a blank line between passages): one document per passage, split into sentences at
    /// a full stop, question or exclamation mark as the entity stage splits text. Types map as the shared README says.
    /// </summary>
    public static List<List<ConllSentence>> ReadCrossNer(string path)
    {
        var documents = new List<List<ConllSentence>>();
        var words = new List<string>();
        var tags = new List<string>();
        foreach (var line in File.ReadLines(path).Append(""))
        {
            if (line.Length > 0)
            {
                var c = line.Split('\t');
                words.Add(c[0]);
                tags.Add(MapCrossNer(c[^1]));
                continue;
            }

            if (words.Count == 0)
            {
                continue;
            }

            var document = new List<ConllSentence>();
            var start = 0;
            for (var i = 0; i < words.Count; i++)
            {
                var ends = words[i] is "." or "!" or "?" && (i + 1 == words.Count || char.IsUpper(words[i + 1][0]) || !char.IsLetter(words[i + 1][0]));
                if (ends || i + 1 == words.Count)
                {
                    document.Add(ConllCorpus.Sentence(words.GetRange(start, i + 1 - start), tags.GetRange(start, i + 1 - start)));
                    start = i + 1;
                }
            }

            documents.Add(document);
            words.Clear();
            tags.Clear();
        }

        return documents;
    }

    private static string MapCrossNer(string tag)
    {
        if (tag == "O" || tag.Length < 3)
        {
            return "O";
        }

        var type = tag[2..] switch
        {
            "person" or "politician" or "scientist" or "writer" or "musicalartist" or "researcher" => "PER",
            "organisation" or "politicalparty" or "university" or "band" => "ORG",
            "country" or "location" => "LOC",
            "event" or "election" or "misc" => "MISC",
            _ => null,
        };
        return type is null ? "O" : tag[..2] + type;
    }

    private static void Flush(List<ConllSentence> document, List<string> words, List<string> tags)
    {
        if (words.Count > 0)
        {
            document.Add(ConllCorpus.Sentence(words, tags));
            words.Clear();
            tags.Clear();
        }
    }
}
