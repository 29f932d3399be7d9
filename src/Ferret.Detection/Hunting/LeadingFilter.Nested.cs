using System.Text.RegularExpressions;
using Ferret.Spl;
using Ferret.Spl.Syntax;

namespace Ferret.Detection.Hunting;

/// <summary>Subsearches and map searches: they read the index too, so a detection's filter must let their events in.</summary>
public sealed partial record LeadingFilter
{
    /// <summary>An event either filter would accept; when the two cannot be told apart in one filter, every event.</summary>
    public LeadingFilter Union(LeadingFilter other) => (Kind, other.Kind) switch
    {
        (LeadingFilterKind.NoEvents, _) => other,
        (_, LeadingFilterKind.NoEvents) => this,
        (LeadingFilterKind.FieldValues, LeadingFilterKind.FieldValues) => this with { Keys = [.. Keys.Concat(other.Keys).Distinct()] },
        (LeadingFilterKind.DataModel, LeadingFilterKind.DataModel) when string.Equals(Dataset, other.Dataset, StringComparison.OrdinalIgnoreCase) => this,
        _ => Everything,
    };

    /// <summary>The pipelines nested in <paramref name="pipeline"/> that search events: join, append and appendcols
    /// subsearches, <c>[ ... ]</c> subsearches inside search terms or generic commands, and map's search (its
    /// <c>$field$</c> tokens read as wildcards, since their values come from results). appendpipe runs over the
    /// current results, not the index, so it adds nothing.</summary>
    private static IEnumerable<Pipeline> NestedSearches(Pipeline pipeline)
    {
        foreach (var command in pipeline.Commands)
        {
            switch (command)
            {
                case JoinCommandNode join:
                    yield return join.Subsearch.Pipeline;
                    break;
                case AppendCommandNode append when !string.Equals(append.Name, "appendpipe", StringComparison.OrdinalIgnoreCase):
                    yield return append.Subsearch.Pipeline;
                    break;
                case MapCommandNode { Subsearch: { } subsearch }:
                    yield return subsearch.Pipeline;
                    break;
                case MapCommandNode map when map.Options.Find("search")?.Value.Text is { } text:
                    yield return SplParser.Parse(MapToken().Replace(text, "*")).Pipeline;
                    break;
                case SearchCommandNode { Query: { } query }:
                    foreach (var nested in SubsearchesIn(query))
                    {
                        yield return nested;
                    }

                    break;
                case GenericCommandNode generic:
                    foreach (var argument in generic.Arguments.OfType<GenericSubsearchArgument>())
                    {
                        yield return argument.Subsearch.Pipeline;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<Pipeline> SubsearchesIn(SearchExpression expression) => expression switch
    {
        SearchSubsearch subsearch => [subsearch.Pipeline],
        SearchNot not => SubsearchesIn(not.Operand),
        SearchAnd and => and.Operands.SelectMany(SubsearchesIn),
        SearchOr or => or.Operands.SelectMany(SubsearchesIn),
        _ => [],
    };

    [GeneratedRegex(@"\$[A-Za-z0-9_.:{}@-]+\$", RegexOptions.CultureInvariant)]
    private static partial Regex MapToken();
}
