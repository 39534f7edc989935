using System.Numerics;

namespace NewsParsing.Text;

/// <summary>
/// Atomised short strings, in the spirit of XML's name tables: names, places, titles and TIMEX values recur from article
/// to article across an archive ("Azerbaijan", "Ilham Aliyev", "2021-10-05"), so the result strings for them come from
/// a small direct-mapped table instead of a new copy per article. Each <see cref="ParseWorkspace"/> owns one, so it is
/// used by one parse at a time and needs no locks; it is bounded (one string per slot, replaced on collision) and holds
/// only copies of short result strings, never the input. With <see cref="NewsPipelineOptions.NameTableSize"/> 0 it is
/// off and every call makes a new string.
/// </summary>
internal sealed class NameTable
{
    /// <summary>Strings longer than this are not atomised (they rarely recur).</summary>
    private const int MaxLength = 64;

    private readonly string?[] _slots;
    private readonly int _mask;

    /// <summary>Creates a table of <paramref name="size"/> slots, rounded up to a power of two; 0 turns it off.</summary>
    public NameTable(int size)
    {
        _slots = size == 0 ? [] : new string?[(int)BitOperations.RoundUpToPowerOf2((uint)size)];
        _mask = _slots.Length - 1;
    }

    /// <summary>A string equal to <paramref name="chars"/>, shared with earlier equal ones where the table still has them.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return "";
        }

        if (chars.Length > MaxLength || _slots.Length == 0)
        {
            return new string(chars);
        }

        ref var slot = ref _slots[Hash(chars) & _mask];
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
