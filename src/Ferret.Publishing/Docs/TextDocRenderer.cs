using System.Text;

namespace Ferret.Publishing.Docs;

/// <summary>
/// Plain text in the layout of the docs-site pages the product brief shows: tables as <c>a | b |</c> rows under
/// a <c>---|---|</c> rule, search lines numbered, list items as a dash line then the item.
/// </summary>
public sealed class TextDocRenderer : DocRenderer
{
    public override string Extension => "txt";

    public override string Render(DocDocument document)
    {
        var text = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocHeading heading:
                    text.Append(heading.Text).Append('\n');
                    break;
                case DocParagraph paragraph:
                    text.Append(paragraph.Text).Append('\n');
                    break;
                case DocBanner banner:
                    text.Append(banner.Title).Append('\n').Append(banner.Text).Append('\n');
                    break;
                case DocTable table when table.Rows.Count > 0:
                    AppendRow(text, table.Headers);
                    text.Append(string.Concat(table.Headers.Select(_ => "---|"))).Append('\n');
                    foreach (var row in table.Rows)
                    {
                        AppendRow(text, row.Select(c => c.Text));
                    }

                    break;
                case DocCode code:
                    for (var i = 0; i < code.Lines.Count; i++)
                    {
                        text.Append(i + 1).Append(code.Lines[i]).Append('\n');
                    }

                    break;
                case DocList list:
                    foreach (var item in list.Items)
                    {
                        text.Append("-\n").Append(item.Text).Append('\n');
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells)
    {
        foreach (var cell in cells)
        {
            text.Append(cell.Replace('\n', ' ')).Append(" | ");
        }

        text.Length--;
        text.Append('\n');
    }
}
