namespace NewsParsing.Text;

/// <summary>
/// Atomised short strings, in the spirit of XML's name tables: names, places, titles and TIMEX values recur from article
/// to article across an archive ("Azerbaijan", "Ilham Aliyev", "2021-10-05"), so the result strings for them come from
/// a small direct-mapped table per thread instead of a new copy per article. Bounded (one string per slot, replaced on
/// collision), lock-free, and the strings are ordinary immutable strings.
/// </summary>
internal static class NameTable
{
    private const int Slots = 2048;
    private const int MaxLength = 64;

    [ThreadStatic]
    private static string?[]? t_slots;

    /// <summary>A string equal to <paramref name="chars"/>, shared with earlier equal ones where the table still has them.</summary>
    public static string Get(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return "";
        }

        if (chars.Length > MaxLength)
        {
            return new string(chars);
        }

        var hash = Hash(chars);
        var slots = t_slots ??= new string?[Slots];
        ref var slot = ref slots[hash & (Slots - 1)];
        var s = slot;
        if (s is not null && chars.SequenceEqual(s))
        {
            return s;
        }

        s = new string(chars);
        slot = s;
        return s;
    }

    /// <summary>The FNV-1a hash of the characters, folded so the low bits mix the high ones: the slot hash of this
    /// table and of the word cache.</summary>
    public static uint Hash(ReadOnlySpan<char> chars)
    {
        var hash = 2166136261u;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash ^ (hash >> 15);
    }
}
