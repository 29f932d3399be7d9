namespace Ferret.Publishing.Docs;

/// <summary>Turns a <see cref="DocDocument"/> into one file format.</summary>
public abstract class DocRenderer
{
    /// <summary>The file extension, without the dot (txt, md, html).</summary>
    public abstract string Extension { get; }

    public abstract string Render(DocDocument document);

    public static DocRenderer For(string format) => format.ToLowerInvariant() switch
    {
        "text" or "txt" => new TextDocRenderer(),
        "md" or "markdown" => new MarkdownDocRenderer(),
        "html" => new HtmlDocRenderer(),
        _ => throw new ArgumentException($"unknown docs format '{format}': use md, html or text", nameof(format)),
    };

    /// <summary>A link as seen from <paramref name="document"/>: pages of the docs are relative and get the extension.</summary>
    protected string Href(DocDocument document, string link)
    {
        if (link.Contains("://", StringComparison.Ordinal) || link.StartsWith('#'))
        {
            return link;
        }

        var depth = document.RelativePath.Count(c => c == '/');
        return string.Concat(Enumerable.Repeat("../", depth)) + link + "." + Extension;
    }
}
