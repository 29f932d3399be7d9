using System.Net;
using System.Text;

namespace Ferret.Publishing.Docs;

/// <summary>A self-contained HTML page (no scripts, a little CSS); every value is HTML-encoded.</summary>
public sealed class HtmlDocRenderer : DocRenderer
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.45}" +
        "table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}" +
        "ol.search{font-family:ui-monospace,monospace;background:#f6f8fa;padding:.75rem 2.5rem;white-space:pre-wrap}" +
        ".banner{border-left:4px solid #d29922;background:#fff8c5;padding:.5rem 1rem}";

    public override string Extension => "html";

    public override string Render(DocDocument document)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(document.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocHeading heading:
                    var tag = heading.Level == 1 ? "h1" : "h2";
                    html.Append('<').Append(tag).Append('>').Append(Encode(heading.Text)).Append("</").Append(tag).Append(">\n");
                    break;
                case DocParagraph paragraph:
                    html.Append("<p>").Append(Encode(paragraph.Text).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
                    break;
                case DocBanner banner:
                    html.Append("<div class=\"banner\"><strong>").Append(Encode(banner.Title)).Append("</strong><p>")
                        .Append(Encode(banner.Text)).Append("</p></div>\n");
                    break;
                case DocTable table when table.Rows.Count > 0:
                    html.Append("<table>\n<tr>");
                    foreach (var header in table.Headers)
                    {
                        html.Append("<th>").Append(Encode(header)).Append("</th>");
                    }

                    html.Append("</tr>\n");
                    foreach (var row in table.Rows)
                    {
                        html.Append("<tr>");
                        foreach (var cell in row)
                        {
                            html.Append("<td>").Append(Cell(document, cell)).Append("</td>");
                        }

                        html.Append("</tr>\n");
                    }

                    html.Append("</table>\n");
                    break;
                case DocCode code:
                    html.Append("<ol class=\"search\">\n");
                    foreach (var line in code.Lines)
                    {
                        html.Append("<li><code>").Append(Encode(line)).Append("</code></li>\n");
                    }

                    html.Append("</ol>\n");
                    break;
                case DocList list:
                    html.Append("<ul>\n");
                    foreach (var item in list.Items)
                    {
                        html.Append("<li>").Append(Cell(document, item)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
            }
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private string Cell(DocDocument document, DocCell cell) =>
        cell.Link is null
            ? Encode(cell.Text)
            : $"<a href=\"{Encode(Href(document, cell.Link))}\">{Encode(cell.Text)}</a>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
