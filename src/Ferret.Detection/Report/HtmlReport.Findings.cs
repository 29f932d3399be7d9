using System.Text;
using Ferret.Detection.Hunting;
using Ferret.Events;

namespace Ferret.Detection.Report;

public static partial class HtmlReport
{
    private static void AppendFindings(StringBuilder html, List<Finding> findings)
    {
        html.Append("<h2>Findings</h2>\n");
        if (findings.Count == 0)
        {
            html.Append("<p class=\"meta\">No detection returned a result.</p>\n");
            return;
        }

        foreach (var group in findings.GroupBy(f => f.Detection.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var detection = group.First().Detection;
            html.Append("<section class=\"detection\" id=\"").Append(Anchor(detection.Name)).Append("\">\n<h3>")
                .Append(Encode(detection.Name)).Append(" <span class=\"type\">").Append(Encode(detection.Type)).Append("</span></h3>\n");
            html.Append("<p>").Append(Encode(detection.Description.Trim())).Append("</p>\n<dl>\n");
            Definition(html, "ATT&CK", string.Join(", ", detection.Tags.MitreAttackIds.Select(DescribeTechnique)));
            Definition(html, "Known false positives", detection.KnownFalsePositives.Trim());
            Definition(html, "Analytic stories", string.Join(", ", detection.Tags.AnalyticStories));
            Definition(html, "File", detection.FilePath);
            if (detection.References.Count > 0)
            {
                html.Append("<dt>References</dt><dd><ul>");
                foreach (var reference in detection.References)
                {
                    html.Append("<li><a href=\"").Append(Encode(reference)).Append("\">").Append(Encode(reference)).Append("</a></li>");
                }

                html.Append("</ul></dd>\n");
            }

            html.Append("</dl>\n");
            foreach (var finding in group)
            {
                AppendFinding(html, finding);
            }

            html.Append("</section>\n");
        }
    }

    private static string DescribeTechnique(string id) =>
        Notables.AttackCatalog.Find(id) is { } technique
            ? $"{id} {technique.Name} ({string.Join(", ", technique.Tactics)})"
            : id;

    private static void Definition(StringBuilder html, string term, string value)
    {
        if (value.Length > 0)
        {
            html.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>\n");
        }
    }

    private static void AppendFinding(StringBuilder html, Finding finding)
    {
        var title = finding.Notable?.RuleTitle ?? finding.Detection.Name;
        var level = FindingLevels.Name(finding.Level);
        html.Append("<details class=\"finding\">\n<summary><span class=\"sev ").Append(level).Append("\">")
            .Append(level).Append("</span> ")
            .Append(Encode(finding.Time is { } time ? FormatEpoch(time) : "(no time)")).Append(" &middot; <b>")
            .Append(Encode(finding.Host)).Append("</b> &middot; ").Append(Encode(title)).Append("</summary>\n");
        if (finding.Incident is { } incident)
        {
            AppendIncident(html, incident);
        }

        if (finding.RiskEvents.Count > 0)
        {
            html.Append("<h4>Risk events</h4>\n");
            Table(html, ["risk object", "type", "score", "message", "threat objects"], finding.RiskEvents.Select(r => new[]
            {
                r.RiskObject,
                r.RiskObjectType,
                r.RiskScore.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.RiskMessage,
                string.Join(", ", r.ThreatObjects.Zip(r.ThreatObjectTypes, (value, type) => $"{value} ({type})")),
            }));
        }

        html.Append("<h4>Result</h4>\n");
        Table(html, ["field", "value"], finding.Result.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new[] { f.Key, f.Value.ToString() }));
        if (finding.Notable is { Drilldowns.Count: > 0 } notable)
        {
            html.Append("<h4>Drilldowns</h4>\n<ul>");
            foreach (var drilldown in notable.Drilldowns)
            {
                html.Append("<li>").Append(Encode(drilldown.Name)).Append("<pre>").Append(Encode(drilldown.Search)).Append("</pre></li>");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h4>Events behind it (").Append(finding.Evidence.Count).Append(")</h4>\n");
        if (finding.Provenance.Count > 0)
        {
            html.Append("<p class=\"meta\">read from ").Append(Encode(string.Join("; ", finding.Provenance.Take(MaxEvidencePerFinding)))).Append("</p>\n");
        }

        // One finding's events at a time, read again and let go once written.
        foreach (var evidence in finding.Evidence.Events(MaxEvidencePerFinding))
        {
            AppendEvidence(html, evidence);
        }

        if (finding.Evidence.Count > MaxEvidencePerFinding)
        {
            html.Append("<p class=\"meta\">and ").Append(finding.Evidence.Count - MaxEvidencePerFinding).Append(" more.</p>\n");
        }

        html.Append("</details>\n");
    }

    private static void AppendEvidence(StringBuilder html, Event evidence)
    {
        html.Append("<div class=\"event\"><div class=\"meta\">")
            .Append(Encode(evidence.Time is { } time ? FormatEpoch(time) : "(no time)")).Append(" &middot; ")
            .Append(Encode(evidence.Source)).Append(" &middot; ").Append(Encode(evidence.SourceType)).Append("</div><pre>");
        var raw = evidence.Raw ?? string.Join('\n', evidence.Fields.Select(f => $"{f.Key}={f.Value}"));
        html.Append(Encode(raw.Length > MaxRawLength ? raw[..MaxRawLength] + " …" : raw)).Append("</pre></div>\n");
    }
}
