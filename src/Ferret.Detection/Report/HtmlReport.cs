using System.Globalization;
using System.Net;
using System.Text;
using Ferret.Detection.Hunting;
using Ferret.Detection.Notables;
using Ferret.Events;

namespace Ferret.Detection.Report;

/// <summary>
/// A hunt's findings as one self-contained HTML page: no script, font, image or stylesheet from anywhere
/// else, so it opens offline and can be mailed as is. Sections: summary, timeline (inline SVG), findings by
/// ATT&amp;CK tactic, by host and by detection, then every finding with its result, risk events and the
/// events behind it under its detection's description, false positives and references.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>How many evidence events a finding shows, and how much of each raw event.</summary>
    private const int MaxEvidencePerFinding = 20;

    private const int MaxRawLength = 6000;

    public static string Render(IReadOnlyList<Finding> findings, HuntSummary summary, ReportHeader header)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(header.Title)).Append("</title>\n<style>\n").Append(Stylesheet).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(header.Title)).Append("</h1>\n");
        html.Append("<p class=\"meta\">Generated ").Append(Encode(FormatTime(header.GeneratedAt))).Append(" by Ferret");
        if (header.Content is { Length: > 0 })
        {
            html.Append(" &middot; content: <code>").Append(Encode(header.Content)).Append("</code>");
        }

        html.Append("</p>\n");
        AppendSummary(html, summary);
        var ordered = Timeline.Order(findings, TimelineOrder.Time).ToList();
        AppendTimeline(html, ordered);
        AppendByTactic(html, ordered);
        AppendByHost(html, ordered);
        AppendByDetection(html, ordered);
        AppendFindings(html, ordered);
        AppendIssues(html, summary);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, HuntSummary summary)
    {
        html.Append("<section class=\"cards\">\n");
        Card(html, "files read", summary.FilesRead.ToString(CultureInfo.InvariantCulture));
        Card(html, "events read", summary.EventsRead.ToString("N0", CultureInfo.InvariantCulture));
        Card(html, "detections run", summary.DetectionsRun.ToString(CultureInfo.InvariantCulture));
        Card(html, "could not run", summary.NotRun.Count.ToString(CultureInfo.InvariantCulture));
        Card(html, "findings", summary.Findings.ToString(CultureInfo.InvariantCulture));
        Card(html, "notables", summary.Notables.ToString(CultureInfo.InvariantCulture));
        Card(html, "risk events", summary.RiskEvents.ToString(CultureInfo.InvariantCulture));
        html.Append("</section>\n");
        if (summary.EarliestEvent is { } earliest && summary.LatestEvent is { } latest)
        {
            html.Append("<p class=\"meta\">Events from ").Append(Encode(FormatEpoch(earliest))).Append(" to ")
                .Append(Encode(FormatEpoch(latest))).Append("</p>\n");
        }
    }

    private static void Card(StringBuilder html, string label, string value) =>
        html.Append("<div class=\"card\"><div class=\"value\">").Append(Encode(value)).Append("</div><div class=\"label\">")
            .Append(Encode(label)).Append("</div></div>\n");

    /// <summary>How many detection names a tactic or host row lists before it says how many more there are.</summary>
    private const int NamesListed = 8;

    private static void AppendByTactic(StringBuilder html, List<Finding> findings)
    {
        html.Append("<h2>By ATT&amp;CK tactic</h2>\n");
        var groups = findings
            .SelectMany(f => (f.Tactics.Count > 0 ? f.Tactics : [NoTactic]).Select(t => (Tactic: t, Finding: f)))
            .GroupBy(x => x.Tactic, StringComparer.Ordinal)
            .OrderBy(g => AttackCatalog.TacticOrder.Contains(g.Key) ? AttackCatalog.TacticOrder.ToList().IndexOf(g.Key) : int.MaxValue)
            .Select(g => (Key: g.Key, Findings: g.Select(x => x.Finding).ToList()));
        SummaryTable(html, "tactic", groups.Select(g => (g.Key, g.Findings, (string?)null)));
    }

    private static void AppendByHost(StringBuilder html, List<Finding> findings)
    {
        html.Append("<h2>By host</h2>\n");
        var groups = findings
            .GroupBy(f => f.Host, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Key: g.Key, Findings: g.ToList(), Risk: g.SelectMany(f => f.RiskEvents).Where(r => string.Equals(r.RiskObject, g.Key, StringComparison.OrdinalIgnoreCase)).Sum(r => r.RiskScore)))
            .OrderByDescending(x => x.Findings.Max(f => f.Level)).ThenByDescending(x => x.Findings.Count).ThenBy(x => x.Key, StringComparer.Ordinal);
        SummaryTable(html, "host", groups.Select(g => (g.Key, g.Findings, (string?)g.Risk.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>One row per tactic or host: its findings, their highest level, the findings at each level, (for hosts)
    /// the risk score on the host, and its detections (the first few, then how many more).</summary>
    private static void SummaryTable(StringBuilder html, string key, IEnumerable<(string Key, List<Finding> Findings, string? Risk)> rows)
    {
        var withRisk = key == "host";
        html.Append("<table class=\"cards-narrow\">\n<tr><th>").Append(key).Append("</th><th>findings</th><th>highest</th><th>by level</th>")
            .Append(withRisk ? "<th>risk score</th>" : string.Empty).Append("<th>detections</th></tr>\n");
        foreach (var (name, findings, risk) in rows)
        {
            var highest = FindingLevels.Name(findings.Max(f => f.Level));
            var byLevel = string.Join(" ", findings.GroupBy(f => f.Level).OrderByDescending(g => g.Key).Select(g => $"{FindingLevels.Name(g.Key)} {g.Count()}"));
            var detections = findings.Select(f => f.Detection.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var listed = string.Join(", ", detections.Take(NamesListed)) + (detections.Count > NamesListed ? $", and {detections.Count - NamesListed} more" : string.Empty);
            html.Append("<tr><td class=\"key\">").Append(Encode(name)).Append("</td><td class=\"num\" data-label=\"findings\">").Append(findings.Count)
                .Append("</td><td data-label=\"highest\"><span class=\"sev ").Append(highest).Append("\">").Append(highest).Append("</span></td>")
                .Append("<td class=\"key\" data-label=\"by level\">").Append(Encode(byLevel)).Append("</td>")
                .Append(withRisk ? $"<td class=\"num\" data-label=\"risk score\">{Encode(risk)}</td>" : string.Empty)
                .Append("<td class=\"list\" data-label=\"detections\">").Append(Encode(listed)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendByDetection(StringBuilder html, List<Finding> findings)
    {
        html.Append("<h2>By detection</h2>\n<div class=\"scroll\"><table>\n<tr><th>detection</th><th>type</th><th>level</th><th>findings</th><th>hosts</th></tr>\n");
        foreach (var group in findings.GroupBy(f => f.Detection.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            var level = FindingLevels.Name(first.Level);
            html.Append("<tr><td><a href=\"#").Append(Anchor(group.Key)).Append("\">").Append(Encode(group.Key)).Append("</a></td><td>")
                .Append(Encode(first.Detection.Type)).Append("</td><td><span class=\"sev ").Append(level).Append("\">")
                .Append(level).Append("</span></td><td class=\"num\">").Append(group.Count()).Append("</td><td class=\"list\">")
                .Append(Encode(string.Join(", ", group.Select(f => f.Host).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))))
                .Append("</td></tr>\n");
        }

        html.Append("</table></div>\n");
    }

    private static void AppendIssues(StringBuilder html, HuntSummary summary)
    {
        if (summary.NotRun.Count > 0)
        {
            html.Append("<h2>Detections that could not run</h2>\n");
            Table(html, ["detection", "reason"], summary.NotRun.Select(i => new[] { i.Detection, i.Reason }));
        }

        if (summary.RunProblems.Count > 0)
        {
            html.Append("<h2>Problems while running</h2>\n");
            Table(html, ["detection", "problem"], summary.RunProblems.Select(i => new[] { i.Detection, i.Reason }));
        }

        if (summary.Skipped.Count > 0)
        {
            html.Append("<h2>Detections not run by design</h2>\n");
            Table(html, ["detection", "why"], summary.Skipped.Select(i => new[] { i.Detection, i.Reason }));
        }

        if (summary.InputProblems.Count > 0)
        {
            html.Append("<h2>Input skipped</h2>\n");
            Table(html, ["file", "where", "what"], summary.InputProblems.Take(500).Select(p => new[] { p.File, p.Location, p.Message }));
            if (summary.InputProblems.Count > 500)
            {
                html.Append("<p class=\"meta\">and ").Append(summary.InputProblems.Count - 500).Append(" more.</p>\n");
            }
        }
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        html.Append("<div class=\"scroll\"><table>\n<tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr>\n");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        if (!any)
        {
            html.Append("<tr><td colspan=\"").Append(headers.Count).Append("\" class=\"meta\">none</td></tr>\n");
        }

        html.Append("</table></div>\n");
    }

    internal static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    internal static string Anchor(string detectionName) => "d-" + Content.DetectionNames.Slug(detectionName);

    internal static string FormatEpoch(double seconds) => FormatTime(EpochTime.ToDateTimeOffset(seconds));

    internal static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

/// <summary>What the report's heading says: its title, when it was made, the content it ran.</summary>
public sealed record ReportHeader(string Title, DateTimeOffset GeneratedAt, string? Content = null);
