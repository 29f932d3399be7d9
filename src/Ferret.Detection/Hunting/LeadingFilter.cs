using Ferret.Spl;
using Ferret.Spl.Syntax;

namespace Ferret.Detection.Hunting;

/// <summary>
/// A necessary condition on the raw events a detection can use, read from its leading command, so a hunt
/// tests each event only against detections that could match it. It is an over-approximation: the full
/// search still runs on the events that pass. Either a set of <c>field=value</c> alternatives (an event is a
/// candidate when it has one of them; values compare case-insensitively, as in the search command), a data
/// model dataset (tstats/datamodel: events that the dataset's constraints accept), no events at all
/// (a generating command that reads none), or every event (nothing could be read off the search).
/// </summary>
public sealed partial record LeadingFilter(LeadingFilterKind Kind, IReadOnlyList<FieldKey> Keys, string? Dataset)
{
    public static LeadingFilter Everything { get; } = new(LeadingFilterKind.AllEvents, [], null);

    public static LeadingFilter Nothing { get; } = new(LeadingFilterKind.NoEvents, [], null);

    /// <summary>Generating commands that read no indexed events.</summary>
    private static readonly HashSet<string> EventlessCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "inputlookup", "makeresults", "rest", "mstats", "metadata", "dbinspect", "inputcsv",
    };

    /// <summary>Fields whose equality narrows the events most, tried first when an AND offers several.</summary>
    private static readonly string[] PreferredFields = ["EventCode", "EventID", "eventName", "sourcetype", "source", "Channel", "eventtype"];

    public static LeadingFilter Of(string expandedSearch) => Of(SplParser.Parse(expandedSearch).Pipeline);

    /// <summary>The events <paramref name="pipeline"/> reads: its leading command's, and those of every subsearch
    /// and map search in it, which read the same index (a hunt hands them the same buffer).</summary>
    public static LeadingFilter Of(Pipeline pipeline) =>
        NestedSearches(pipeline).Aggregate(OfLeadingCommand(pipeline), (filter, nested) => filter.Union(Of(nested)));

    private static LeadingFilter OfLeadingCommand(Pipeline pipeline)
    {
        if (pipeline.Commands.Count == 0)
        {
            return Everything;
        }

        switch (pipeline.Commands[0])
        {
            case SearchCommandNode { Query: { } query }:
                return KeysOf(query) is { Count: > 0 } keys ? new LeadingFilter(LeadingFilterKind.FieldValues, keys, null) : Everything;
            case TstatsCommandNode { DataModel: { Length: > 0 } dataModel }:
                return new LeadingFilter(LeadingFilterKind.DataModel, [], dataModel);
            case var command when EventlessCommands.Contains(command.Name):
                return Nothing;
            default:
                return Everything;
        }
    }

    /// <summary>The alternatives an event must meet one of for <paramref name="expression"/> to match it, or null.</summary>
    internal static IReadOnlyList<FieldKey>? KeysOf(SearchExpression expression)
    {
        switch (expression)
        {
            case SearchComparison { Operator: ComparisonOperator.Equal } comparison when IsExact(comparison.Field) && IsExact(comparison.Value):
                return [new FieldKey(comparison.Field.Text, Normalize(comparison.Value.Text))];
            case SearchIn search when IsExact(search.Field) && search.Values.Count > 0 && search.Values.All(IsExact):
                return [.. search.Values.Select(v => new FieldKey(search.Field.Text, Normalize(v.Text)))];
            case SearchOr or:
                var union = new List<FieldKey>();
                foreach (var operand in or.Operands)
                {
                    if (KeysOf(operand) is not { } keys)
                    {
                        return null;
                    }

                    union.AddRange(keys);
                }

                return union;
            case SearchAnd and:
                return and.Operands.Select(KeysOf).Where(k => k is not null).Select(k => k!)
                    .OrderBy(Preference).ThenBy(k => k.Count).FirstOrDefault();
            default:
                return null;
        }
    }

    private static int Preference(IReadOnlyList<FieldKey> keys)
    {
        var rank = keys.Max(k => Array.IndexOf(PreferredFields, k.Field) is var i and >= 0 ? i : PreferredFields.Length);
        return rank;
    }

    private static bool IsExact(Word word) => word.Text.Length > 0 && !word.Text.Contains('*', StringComparison.Ordinal);

    internal static string Normalize(string value) => value.Trim().ToLowerInvariant();
}

public enum LeadingFilterKind
{
    FieldValues,
    DataModel,
    NoEvents,
    AllEvents,
}

/// <summary>One <c>field=value</c> alternative; the value is lower case.</summary>
public readonly record struct FieldKey(string Field, string Value);
