namespace Ferret.Publishing.Docs;

/// <summary>
/// A documentation page as data: a title and blocks. Page builders say what a page holds; renderers
/// (text, Markdown, HTML) say how it looks, so the three formats never disagree on content.
/// </summary>
public sealed record DocDocument(string Title, string RelativePath, IReadOnlyList<DocBlock> Blocks)
{
    /// <summary>Front matter for Markdown pages (research-site layout); ignored by the other formats.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> FrontMatter { get; init; } = [];
}

public abstract record DocBlock;

/// <summary>A section heading; level 1 is the page's own title line.</summary>
public sealed record DocHeading(string Text, int Level = 2) : DocBlock;

public sealed record DocParagraph(string Text) : DocBlock;

/// <summary>A warning shown at the top of a page (experimental or deprecated detections).</summary>
public sealed record DocBanner(string Title, string Text) : DocBlock;

/// <summary>A table; a cell may link somewhere (a dataset URL, another page).</summary>
public sealed record DocTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<DocCell>> Rows) : DocBlock;

public sealed record DocCell(string Text, string? Link = null)
{
    public static implicit operator DocCell(string text) => new(text);

    public static DocCell FromString(string text) => new(text);
}

/// <summary>Lines of code shown with their numbers (the search).</summary>
public sealed record DocCode(IReadOnlyList<string> Lines) : DocBlock;

/// <summary>A bullet list; an item may be a link.</summary>
public sealed record DocList(IReadOnlyList<DocCell> Items) : DocBlock;
