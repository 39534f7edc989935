namespace NewsParsing.Model;

/// <summary>
/// Base of every element of a parsed article: a <see cref="SourceSpan"/> into the original input and the text it
/// covers. The text is sliced from the input on first use, so parsing allocates no copies of the article.
/// </summary>
public abstract class ArticleElement
{
    private readonly string _source;
    private string? _text;

    /// <summary>Creates an element over <paramref name="source"/>.</summary>
    /// <param name="source">The whole original input.</param>
    /// <param name="span">Where the element lies in <paramref name="source"/>.</param>
    private protected ArticleElement(string source, SourceSpan span)
    {
        _source = source;
        Span = span;
    }

    /// <summary>Where the element lies in the input (zero-based, half-open UTF-16 offsets).</summary>
    public SourceSpan Span { get; }

    /// <summary>The exact input text of the element: <c>input.Substring(Span.Start, Span.Length)</c>.</summary>
    public string Text => _text ??= _source.Substring(Span.Start, Span.Length);

    /// <summary>The element's characters without allocating a string.</summary>
    public ReadOnlySpan<char> AsSpan() => _source.AsSpan(Span.Start, Span.Length);

    /// <summary>The whole input the element refers to.</summary>
    internal string Source => _source;

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} {Span}: {Text}";
}

/// <summary>A plain run of text with its span (a headline, a paragraph, a name).</summary>
public sealed class TextSegment : ArticleElement
{
    internal TextSegment(string source, SourceSpan span)
        : base(source, span)
    {
    }
}
