using System.Globalization;
using System.Text;
using Ferret.Detection.Hunting;

namespace Ferret.Detection.Report;

public static partial class HtmlReport
{
    private const int TimelineWidth = 1000;

    private const int LaneHeight = 22;

    private const int LabelWidth = 320;

    /// <summary>An inline SVG: one lane per detection, one dot per finding at its time, coloured by severity.</summary>
    private static void AppendTimeline(StringBuilder html, List<Finding> findings)
    {
        html.Append("<h2>Timeline</h2>\n");
        var timed = findings.Where(f => f.Time.HasValue).ToList();
        if (timed.Count == 0)
        {
            html.Append("<p class=\"meta\">No finding has a time.</p>\n");
            return;
        }

        var start = timed.Min(f => f.Time!.Value);
        var end = timed.Max(f => f.Time!.Value);
        var span = Math.Max(end - start, 1);
        var lanes = timed.Select(f => f.Detection.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var height = (lanes.Count * LaneHeight) + 30;
        var width = LabelWidth + TimelineWidth + 20;
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"timeline\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"findings over time\">\n");
        for (var lane = 0; lane < lanes.Count; lane++)
        {
            var y = (lane * LaneHeight) + 15;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 4}\" text-anchor=\"end\">{Encode(Shorten(lanes[lane], 48))}</text>")
                .Append(CultureInfo.InvariantCulture, $"<line x1=\"{LabelWidth}\" y1=\"{y}\" x2=\"{LabelWidth + TimelineWidth}\" y2=\"{y}\" class=\"lane\"/>\n");
        }

        foreach (var finding in timed)
        {
            var x = LabelWidth + ((finding.Time!.Value - start) / span * TimelineWidth);
            var y = (lanes.IndexOf(finding.Detection.Name) * LaneHeight) + 15;
            html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y}\" r=\"6\" class=\"dot {Encode(finding.Severity)}\"><title>")
                .Append(Encode($"{FormatEpoch(finding.Time.Value)} {finding.Host}: {finding.Detection.Name}")).Append("</title></circle>\n");
        }

        var axisY = (lanes.Count * LaneHeight) + 20;
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth}\" y=\"{axisY}\">{Encode(FormatEpoch(start))}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + TimelineWidth}\" y=\"{axisY}\" text-anchor=\"end\">{Encode(FormatEpoch(end))}</text>\n")
            .Append("</svg>\n");
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private const string Stylesheet = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #1d2330; }
        h1 { margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d5d9e0; padding-bottom: .3rem; }
        .meta { color: #667085; font-size: .9rem; }
        .cards { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0; }
        .card { background: #f3f5f9; border-radius: 8px; padding: .7rem 1.1rem; min-width: 7rem; }
        .card .value { font-size: 1.6rem; font-weight: 600; } .card .label { color: #667085; font-size: .85rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
        th, td { text-align: left; border-bottom: 1px solid #e4e7ec; padding: .35rem .5rem; vertical-align: top; word-break: break-word; }
        th { background: #f9fafb; }
        pre { white-space: pre-wrap; word-break: break-all; background: #f6f8fa; padding: .5rem; border-radius: 6px; font-size: .82rem; margin: .2rem 0; }
        details.finding { border: 1px solid #e4e7ec; border-radius: 8px; padding: .4rem .8rem; margin: .5rem 0; }
        details.finding summary { cursor: pointer; }
        section.detection { margin-top: 1.5rem; } .type { font-size: .8rem; color: #475467; background: #eef1f6; border-radius: 4px; padding: .1rem .4rem; }
        dt { font-weight: 600; margin-top: .4rem; } dd { margin-left: 1rem; }
        .sev { border-radius: 4px; padding: .05rem .4rem; font-size: .8rem; color: #fff; background: #667085; }
        .sev.critical { background: #b42318; } .sev.high { background: #d92d20; } .sev.medium { background: #dc6803; }
        .sev.low { background: #1570ef; } .sev.informational { background: #667085; }
        svg.timeline text { font-size: 12px; fill: #344054; } svg.timeline .lane { stroke: #e4e7ec; }
        .dot { fill: #667085; } .dot.critical { fill: #b42318; } .dot.high { fill: #d92d20; } .dot.medium { fill: #dc6803; } .dot.low { fill: #1570ef; }
        .event { margin: .4rem 0; }

        """;
}
