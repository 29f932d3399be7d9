using System.Text;
using Ferret.Events;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Tests.Windows;

/// <summary>Runs the scanner-backed <see cref="WindowsEventMapper.FromXml(string)"/> and the XmlReader mapping
/// on the same XML and describes any difference: fields, values, value order and kinds, or the exception.</summary>
internal static class MapperComparison
{
    /// <summary>Null when both give the same fields (or throw the same exception type), else what differs.</summary>
    public static string? Difference(string xml, string? collectorMessage = null)
    {
        var expected = Outcome(() => WindowsEventMapper.FromXmlViaXmlReader(xml, collectorMessage));
        var actual = Outcome(() => WindowsEventMapper.FromXml(xml, collectorMessage));
        if (expected.Error is not null || actual.Error is not null)
        {
            return expected.Error?.GetType() == actual.Error?.GetType()
                ? null
                : $"XmlReader mapping: {Describe(expected)}; FromXml: {Describe(actual)}";
        }

        return FieldDifference(expected.Event!, actual.Event!);
    }

    public static string? FieldDifference(Event expected, Event actual)
    {
        var report = new StringBuilder();
        foreach (var name in expected.Fields.Keys.Union(actual.Fields.Keys).Order(StringComparer.Ordinal))
        {
            var left = expected[name];
            var right = actual[name];
            if (!left.Equals(right) || left.Values.Select(v => v.Kind).SequenceEqual(right.Values.Select(v => v.Kind)) is false)
            {
                report.Append($"{name}: XmlReader [{Show(left)}] vs FromXml [{Show(right)}]; ");
            }
        }

        return report.Length == 0 ? null : report.ToString();
    }

    private static string Show(FieldValue value) =>
        string.Join(" | ", value.Values.Select(v => $"{v.Kind}:{v}"))
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Describe((Event? Event, Exception? Error) outcome) =>
        outcome.Error is { } error ? $"{error.GetType().Name} {error.Message}" : "an event";

    private static (Event? Event, Exception? Error) Outcome(Func<Event> map)
    {
        try
        {
            return (map(), null);
        }
        catch (Exception error) when (error is System.Xml.XmlException or FormatException)
        {
            return (null, error);
        }
    }
}
