using System.Globalization;
using System.Text;
using Ferret.Detection.Hunting;
using Ferret.Detection.Notables;
using Ferret.Events;

namespace Ferret.Detection.Report;

public static partial class HtmlReport
{
    private const int TimelineWidth = 900;

    private const int LaneHeight = 26;

    private const int LabelWidth = 190;

    private const int AxisTicks = 6;

    private const string NoTactic = "(no tactic)";

    /// <summary>An inline SVG: one lane per ATT&amp;CK tactic in the matrix's order (a finding sits in the lane of its
    /// detection's first tactic), one dot per finding at its time coloured by level, a dated axis and a legend. It keeps
    /// its drawn width on a narrow screen and scrolls sideways, so its labels stay readable.</summary>
    private static void AppendTimeline(StringBuilder html, List<Finding> findings)
    {
        html.Append("<h2>Timeline</h2>\n");
        var timed = findings.Where(f => f.Time.HasValue).ToList();
        if (timed.Count == 0)
        {
            html.Append("<p class=\"meta\">No finding has a time.</p>\n");
            return;
        }

        AppendLegend(html);
        var start = timed.Min(f => f.Time!.Value);
        var end = timed.Max(f => f.Time!.Value);
        var span = Math.Max(end - start, 1);
        var lanes = AttackCatalog.TacticOrder.Append(NoTactic).Where(t => timed.Any(f => LaneOf(f) == t)).ToList();
        var height = (lanes.Count * LaneHeight) + 40;
        var width = LabelWidth + TimelineWidth + 30;
        html.Append("<div class=\"scroll\">\n")
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"timeline\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"findings over time by ATT&amp;CK tactic\">\n");
        for (var lane = 0; lane < lanes.Count; lane++)
        {
            var y = (lane * LaneHeight) + 16;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 10}\" y=\"{y + 4}\" text-anchor=\"end\">{Encode(lanes[lane])}</text>")
                .Append(CultureInfo.InvariantCulture, $"<line x1=\"{LabelWidth}\" y1=\"{y}\" x2=\"{LabelWidth + TimelineWidth}\" y2=\"{y}\" class=\"lane\"/>\n");
        }

        // Higher levels are drawn last, so they are on top where dots overlap.
        foreach (var finding in timed.OrderBy(f => f.Level))
        {
            var x = LabelWidth + ((finding.Time!.Value - start) / span * TimelineWidth);
            var y = (lanes.IndexOf(LaneOf(finding)) * LaneHeight) + 16;
            html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y}\" r=\"6\" class=\"dot {FindingLevels.Name(finding.Level)}\"><title>")
                .Append(Encode($"{FormatEpoch(finding.Time.Value)} · {FindingLevels.Name(finding.Level)} · {finding.Host} · {finding.Detection.Name}")).Append("</title></circle>\n");
        }

        var axisY = (lanes.Count * LaneHeight) + 8;
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{LabelWidth}\" y1=\"{axisY}\" x2=\"{LabelWidth + TimelineWidth}\" y2=\"{axisY}\" class=\"axis\"/>\n");
        for (var tick = 0; tick <= AxisTicks; tick++)
        {
            var x = LabelWidth + (TimelineWidth * tick / AxisTicks);
            var anchor = tick == 0 ? "start" : tick == AxisTicks ? "end" : "middle";
            var label = AxisDate(start + (span * tick / AxisTicks));
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{axisY}\" x2=\"{x}\" y2=\"{axisY + 5}\" class=\"axis\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{axisY + 20}\" text-anchor=\"{anchor}\">{Encode(label)}</text>\n");
        }

        html.Append("</svg>\n</div>\n");
    }

    private static void AppendLegend(StringBuilder html)
    {
        html.Append("<p class=\"legend\">Level (urgency as Enterprise Security assigns it): ");
        foreach (var level in Enum.GetValues<FindingLevel>().Reverse())
        {
            html.Append("<span class=\"sev ").Append(FindingLevels.Name(level)).Append("\">").Append(FindingLevels.Name(level)).Append("</span> ");
        }

        html.Append("<span class=\"meta\">· one dot per finding; hover for its time, host and detection.</span>")
            .Append("<span class=\"meta narrow\"> Scroll the timeline sideways.</span></p>\n");
    }

    private static string LaneOf(Finding finding) =>
        AttackCatalog.TacticOrder.FirstOrDefault(t => finding.Tactics.Contains(t, StringComparer.Ordinal)) ?? NoTactic;

    private static string AxisDate(double seconds) =>
        EpochTime.ToDateTimeOffset(seconds).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private const string Stylesheet = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #1d2330; overflow-wrap: anywhere; }
        h1 { margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d5d9e0; padding-bottom: .3rem; }
        .meta { color: #667085; font-size: .9rem; }
        .cards { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0; }
        .card { background: #f3f5f9; border-radius: 8px; padding: .7rem 1.1rem; min-width: 7rem; }
        .card .value { font-size: 1.6rem; font-weight: 600; } .card .label { color: #667085; font-size: .85rem; }
        .scroll { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
        th, td { text-align: left; border-bottom: 1px solid #e4e7ec; padding: .35rem .5rem; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #f9fafb; white-space: nowrap; }
        td.key { white-space: nowrap; font-weight: 500; overflow-wrap: normal; } td.num { white-space: nowrap; text-align: right; }
        td.list { min-width: 16rem; color: #344054; }
        pre { white-space: pre-wrap; word-break: break-all; background: #f6f8fa; padding: .5rem; border-radius: 6px; font-size: .82rem; margin: .2rem 0; }
        details.finding { border: 1px solid #e4e7ec; border-radius: 8px; padding: .4rem .8rem; margin: .5rem 0; }
        details.finding summary { cursor: pointer; }
        section.detection { margin-top: 1.5rem; } .type { font-size: .8rem; color: #475467; background: #eef1f6; border-radius: 4px; padding: .1rem .4rem; }
        dt { font-weight: 600; margin-top: .4rem; } dd { margin-left: 1rem; }
        .legend { font-size: .9rem; } .legend .sev { margin-right: .2rem; }
        .sev { border-radius: 4px; padding: .05rem .4rem; font-size: .8rem; color: #fff; background: #667085; white-space: nowrap; }
        .sev.critical { background: #7a0916; } .sev.high { background: #d92d20; } .sev.medium { background: #dc6803; }
        .sev.low { background: #1570ef; } .sev.informational { background: #667085; }
        svg.timeline { display: block; } svg.timeline text { font-size: 12px; fill: #344054; }
        svg.timeline .lane { stroke: #e4e7ec; } svg.timeline .axis { stroke: #98a2b3; }
        .dot { fill: #667085; fill-opacity: .85; stroke: #fff; stroke-width: 1; } .dot.critical { fill: #7a0916; } .dot.high { fill: #d92d20; }
        .dot.medium { fill: #dc6803; } .dot.low { fill: #1570ef; }
        .event { margin: .4rem 0; }
        .narrow { display: none; }
        @media (max-width: 600px) {
          body { margin: 1rem auto; } .card { min-width: 5.5rem; padding: .5rem .7rem; } .card .value { font-size: 1.2rem; } .narrow { display: inline; }
          table.cards-narrow, table.cards-narrow tbody, table.cards-narrow tr, table.cards-narrow td { display: block; width: auto; }
          table.cards-narrow tr:first-child { display: none; }
          table.cards-narrow tr { border: 1px solid #e4e7ec; border-radius: 8px; margin: .6rem 0; padding: .3rem .2rem; }
          table.cards-narrow td { border: none; padding: .15rem .5rem; min-width: 0; text-align: left; white-space: normal; }
          table.cards-narrow td.key:first-child { font-size: 1rem; font-weight: 600; }
          table.cards-narrow td[data-label]::before { content: attr(data-label) ": "; color: #667085; font-size: .85rem; }
        }

        """;
}
