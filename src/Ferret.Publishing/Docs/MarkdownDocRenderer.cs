using System.Text;

namespace Ferret.Publishing.Docs;

/// <summary>
/// Markdown in the research site's layout: Jekyll front matter, <c>####</c> sections, GitHub tables with
/// links, the search in a fenced block.
/// </summary>
public sealed class MarkdownDocRenderer : DocRenderer
{
    public override string Extension => "md";

    public override string Render(DocDocument document)
    {
        var text = new StringBuilder();
        if (document.FrontMatter.Count > 0)
        {
            text.Append("---\n");
            foreach (var (key, values) in document.FrontMatter)
            {
                if (key is "tags" or "categories")
                {
                    text.Append(key).Append(":\n");
                    foreach (var value in values)
                    {
                        text.Append("  - ").Append(value).Append('\n');
                    }
                }
                else
                {
                    text.Append(key).Append(": \"").Append(string.Join(", ", values).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n");
                }
            }

            text.Append("---\n\n");
        }

        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocHeading { Level: 1 } heading:
                    text.Append("## ").Append(heading.Text).Append("\n\n");
                    break;
                case DocHeading heading:
                    text.Append("#### ").Append(heading.Text).Append("\n\n");
                    break;
                case DocParagraph paragraph:
                    text.Append(paragraph.Text.Replace("\n", "\n\n", StringComparison.Ordinal)).Append("\n\n");
                    break;
                case DocBanner banner:
                    text.Append("> **").Append(banner.Title).Append("**\n> ").Append(banner.Text).Append("\n\n");
                    break;
                case DocTable table when table.Rows.Count > 0:
                    text.Append("| ").Append(string.Join(" | ", table.Headers)).Append(" |\n");
                    text.Append('|').Append(string.Concat(table.Headers.Select(_ => " --- |"))).Append('\n');
                    foreach (var row in table.Rows)
                    {
                        text.Append("| ").Append(string.Join(" | ", row.Select(c => Cell(document, c)))).Append(" |\n");
                    }

                    text.Append('\n');
                    break;
                case DocCode code:
                    text.Append("```\n").AppendJoin('\n', code.Lines).Append("\n```\n\n");
                    break;
                case DocList list:
                    foreach (var item in list.Items)
                    {
                        text.Append("* ").Append(Cell(document, item)).Append('\n');
                    }

                    text.Append('\n');
                    break;
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private string Cell(DocDocument document, DocCell cell)
    {
        var text = cell.Text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
        return cell.Link is null ? text : $"[{text}]({Href(document, cell.Link)})";
    }
}
