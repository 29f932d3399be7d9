using System.Globalization;
using Ferret.Content;
using Ferret.Spl.Macros;

namespace Ferret.Publishing.Docs;

public static partial class DetectionPage
{
    /// <summary>Name | Platform | Sourcetype | Source for each data source, sorted by name as the site lists them.</summary>
    private static IEnumerable<DocBlock> DataSourceSection(DetectionDefinition detection, ContentRepository content)
    {
        yield return new DocHeading("Data Source");
        if (detection.DataSources.Count == 0)
        {
            yield return new DocParagraph("No data sources specified for this detection.");
            yield break;
        }

        yield return new DocTable(
            ["Name", "Platform", "Sourcetype", "Source"],
            [.. detection.DataSources.Order(StringComparer.Ordinal).Select(name => content.DataSourcesByName.TryGetValue(name, out var source)
                ? (IReadOnlyList<DocCell>)[name, source.Platform, Quoted(source.SourceType), Quoted(source.Source)]
                : [name, "N/A", "N/A", "N/A (not defined in the content's data_sources/)"])]);
    }

    private static string Quoted(string value) => value.Length == 0 ? "N/A" : $"'{value}'";

    /// <summary>Every macro the search calls, with its value, and the note about the filter macro.</summary>
    private static IEnumerable<DocBlock> MacroSection(DetectionDefinition detection, ContentRepository content)
    {
        yield return new DocHeading("Macros Used");
        var macros = content.Macros;
        var rows = MacroReferences.In(detection.Search)
            .Select(reference => (IReadOnlyList<DocCell>)[reference.Name, MacroValue(reference, macros)])
            .ToList();
        yield return new DocTable(["Name", "Value"], rows);
        yield return new DocParagraph($"{detection.FilterMacroName}\n{FilterMacroNote}");
    }

    /// <summary>The definition the search would use; a CIM app built-in says so, an unknown macro too.</summary>
    private static string MacroValue(MacroReference reference, MacroTable macros) =>
        macros.Find(reference.Name, reference.Arity) is { } macro
            ? macros.IsBuiltIn(reference.Name, reference.Arity) ? $"{macro.Definition} (Splunk CIM app macro, built into Ferret)" : macro.Definition
            : "(not defined in the content)";

    /// <summary>The annotations contentctl writes to the correlation search, one row per key.</summary>
    private static IEnumerable<DocBlock> AnnotationSection(DetectionDefinition detection)
    {
        yield return new DocHeading("Annotations");
        yield return new DocTable(
            ["Annotation", "Value"],
            [.. DetectionAnnotations.For(detection).All().Select(pair => (IReadOnlyList<DocCell>)[pair.Key, AnnotationValue(pair.Value)])]);
    }

    private static string AnnotationValue(object value) => value switch
    {
        IEnumerable<string> list => string.Join(", ", list),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The rows of <see cref="DefaultConfiguration"/>: schedule and windows, notable and risk settings.</summary>
    private static IEnumerable<DocBlock> DefaultConfigurationSection(DetectionDefinition detection)
    {
        var configuration = DefaultConfiguration.For(detection);
        yield return new DocHeading("Default Configuration");
        yield return new DocParagraph("This detection is configured by default in Splunk Enterprise Security to run with the following settings:");
        var rows = new List<IReadOnlyList<DocCell>>
        {
            Row("Disabled", configuration.Disabled ? "true" : "false"),
            Row("Cron Schedule", configuration.CronSchedule),
            Row("Earliest Time", configuration.EarliestTime),
            Row("Latest Time", configuration.LatestTime),
            Row("Schedule Window", configuration.ScheduleWindow),
        };
        if (configuration.CreatesNotable)
        {
            rows.Add(Row("Creates Notable", "Yes"));
            rows.Add(Row("Rule Title", configuration.RuleTitle));
            rows.Add(Row("Rule Description", configuration.RuleDescription));
            rows.Add(Row("Notable Event Fields", string.Join(", ", configuration.NotableFields)));
        }

        rows.Add(Row("Creates Risk Event", configuration.CreatesRisk ? "True" : "False"));
        yield return new DocTable(["Setting", "Value"], rows);
    }

    private static IReadOnlyList<DocCell> Row(string setting, string value) => [setting, value];

    /// <summary>The RBA message and score (with impact and confidence in the v4 shape), then each risk and threat object.</summary>
    private static IEnumerable<DocBlock> RiskSection(DetectionDefinition detection)
    {
        yield return new DocHeading("Risk Based Analytics (RBA)");
        yield return new DocTable(
            ["Risk Message", "Risk Score", "Impact", "Confidence"],
            [[detection.RiskMessage, Number(detection.RiskScore), Number(detection.Impact), Number(detection.Confidence)]]);
        if (detection.RiskObjects.Count + detection.ThreatObjects.Count > 0)
        {
            yield return new DocTable(
                ["Object", "Kind", "Type", "Score"],
                [
                    .. detection.RiskObjects.Select(o => (IReadOnlyList<DocCell>)[o.Field, "risk object", o.Type, Number(o.Score)]),
                    .. detection.ThreatObjects.Select(o => (IReadOnlyList<DocCell>)[o.Field, "threat object", o.Type, "N/A"]),
                ]);
        }
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "N/A";
}
