using System.Text.RegularExpressions;

namespace Ferret.Knowledge.Definitions;

/// <summary>
/// A regular-expression extraction (props.conf <c>EXTRACT-x = regex in field</c>, or a REPORT transform):
/// each named group that matches becomes a field. An extraction never overwrites a field the event
/// already has, as Splunk keeps the first value extracted at search time.
/// </summary>
public sealed record FieldExtraction(string SourceField, Regex Pattern, bool AllMatches)
{
    public IReadOnlyList<string> FieldNames { get; } =
        [.. Pattern.GetGroupNames().Where(name => !int.TryParse(name, out _))];
}
