using System.Globalization;
using System.Text;
using Ferret.Detection.RiskAlerting;

namespace Ferret.Detection.Report;

public static partial class HtmlReport
{
    /// <summary>A risk incident groups what added up to it: the object, its total score, tactics and techniques, then the
    /// contributing findings by detection (each with its time, score and message), as an analyst triages one incident
    /// instead of its many findings.</summary>
    private static void AppendIncident(StringBuilder html, RiskIncident incident)
    {
        html.Append("<h4>Risk incident</h4>\n<dl>\n");
        Definition(html, "Risk object", $"{incident.RiskObject} ({incident.RiskObjectType})");
        Definition(html, "Total score", incident.TotalScore.ToString("0.##", CultureInfo.InvariantCulture));
        Definition(html, "Window", $"{FormatEpoch(incident.WindowStart)} to {FormatEpoch(incident.WindowEnd)}");
        Definition(html, "Tactics", string.Join(", ", incident.Tactics));
        Definition(html, "Techniques", string.Join(", ", incident.Techniques.Select(DescribeTechnique)));
        html.Append("</dl>\n<h4>Contributing findings (").Append(incident.Contributions.Count).Append(" from ")
            .Append(incident.Detections).Append(" detection(s))</h4>\n");
        foreach (var group in incident.Contributions.GroupBy(c => c.Detection, StringComparer.Ordinal).OrderByDescending(g => g.Sum(c => c.Score)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Append("<p><b>").Append(Encode(group.Key)).Append("</b> &middot; score ")
                .Append(group.Sum(c => c.Score).ToString("0.##", CultureInfo.InvariantCulture)).Append("</p>\n");
            Table(html, ["time", "score", "message"], group.OrderBy(c => c.Time).Select(c => new[]
            {
                FormatEpoch(c.Time),
                c.Score.ToString("0.##", CultureInfo.InvariantCulture),
                c.Message,
            }));
        }
    }
}
