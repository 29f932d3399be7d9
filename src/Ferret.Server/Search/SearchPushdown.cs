using System.Text;
using Ferret.Engine.Time;
using Ferret.Server.Store;
using Ferret.Spl.Syntax;

namespace Ferret.Server.Search;

/// <summary>
/// Reads off a parsed search what the store can apply before the engine sees an event: which indexes (the
/// <c>index=</c> terms; none means the default indexes, as a Splunk role's <c>srchIndexesDefault</c>), the time range
/// (the request's, narrowed by <c>earliest=</c>/<c>latest=</c> in the leading search), <c>sourcetype</c>/<c>source</c>/
/// <c>host</c> patterns and bare terms of the leading search's top-level AND. Only what every matching event must
/// satisfy is pushed down, so the engine, which applies the full search afterwards, sees every event it would keep.
/// A search that reads the index again (join, append, a <c>[subsearch]</c>, map) gets only indexes and time pushed.
/// </summary>
internal static class SearchPushdown
{
    private static readonly string[] MetadataFields = ["sourcetype", "source", "host"];

    public static StoreQuery For(Pipeline pipeline, string text, IReadOnlyCollection<string> allIndexes, IReadOnlyCollection<string> defaultIndexes,
        double? earliest, double? latest, DateTimeOffset now)
    {
        var leading = pipeline.Commands.Count > 0 && pipeline.Commands[0] is SearchCommandNode { Query: { } query } ? query : null;
        var conjuncts = leading is null ? [] : Conjuncts(leading).ToList();
        var nested = pipeline.Commands.Any(c => c is JoinCommandNode or MapCommandNode || c is AppendCommandNode a && !a.Name.Equals("appendpipe", StringComparison.OrdinalIgnoreCase))
            || text.Contains('[', StringComparison.Ordinal);
        var indexes = nested || leading is null
            ? [.. allIndexes]
            : IndexesOf(leading, conjuncts, allIndexes, defaultIndexes);
        foreach (var modifier in conjuncts.OfType<SearchTimeModifier>())
        {
            if (!TimeModifier.TryParse(modifier.Value.Text, out var parsed, out _))
            {
                continue;
            }

            var at = parsed.ResolveEpoch(now);
            if (modifier.Name == "earliest")
            {
                earliest = earliest is { } e ? Math.Max(e, at) : at;
            }
            else if (modifier.Name == "latest")
            {
                latest = latest is { } l ? Math.Min(l, at) : at;
            }
        }

        var pushed = new StoreQuery(indexes) { Earliest = earliest, Latest = latest };
        return nested ? pushed : pushed with { Metadata = [.. MetadataOf(conjuncts)], Terms = [.. TermsOf(conjuncts)] };
    }

    private static IEnumerable<SearchExpression> Conjuncts(SearchExpression expression) =>
        expression is SearchAnd and ? and.Operands.SelectMany(Conjuncts) : [expression];

    private static List<string> IndexesOf(SearchExpression leading, List<SearchExpression> conjuncts, IReadOnlyCollection<string> all, IReadOnlyCollection<string> defaults)
    {
        List<string>? chosen = null;
        foreach (var conjunct in conjuncts)
        {
            if (PatternsOf(conjunct, "index") is { } patterns)
            {
                var matching = all.Where(i => patterns.Any(p => Wildcard.Matches(p, i))).ToList();
                chosen = chosen is null ? matching : [.. chosen.Intersect(matching)];
            }
        }

        if (chosen is not null)
        {
            return chosen;
        }

        // An index= term somewhere else (in an OR with other terms, under NOT): every index, the engine decides.
        return Mentions(leading, "index") ? [.. all] : [.. defaults];
    }

    private static IEnumerable<MetadataFilter> MetadataOf(List<SearchExpression> conjuncts)
    {
        foreach (var conjunct in conjuncts)
        {
            foreach (var field in MetadataFields)
            {
                if (PatternsOf(conjunct, field) is { } patterns)
                {
                    yield return new MetadataFilter(field, patterns);
                }
            }
        }
    }

    /// <summary>The values <paramref name="expression"/> allows for <paramref name="field"/> when it is only about that
    /// field (<c>f=v</c>, <c>f IN (...)</c>, an OR of those), else null.</summary>
    private static List<string>? PatternsOf(SearchExpression expression, string field)
    {
        switch (expression)
        {
            case SearchComparison { Operator: ComparisonOperator.Equal } c when c.Field.Text.Equals(field, StringComparison.OrdinalIgnoreCase):
                return [c.Value.Text];
            case SearchIn @in when @in.Field.Text.Equals(field, StringComparison.OrdinalIgnoreCase):
                return [.. @in.Values.Select(v => v.Text)];
            case SearchOr or:
                var all = new List<string>();
                foreach (var operand in or.Operands)
                {
                    if (PatternsOf(operand, field) is not { } patterns)
                    {
                        return null;
                    }

                    all.AddRange(patterns);
                }

                return all;
            default:
                return null;
        }
    }

    private static bool Mentions(SearchExpression expression, string field) => expression switch
    {
        SearchComparison c => c.Field.Text.Equals(field, StringComparison.OrdinalIgnoreCase),
        SearchIn i => i.Field.Text.Equals(field, StringComparison.OrdinalIgnoreCase),
        SearchAnd a => a.Operands.Any(o => Mentions(o, field)),
        SearchOr o => o.Operands.Any(x => Mentions(x, field)),
        SearchNot n => Mentions(n.Operand, field),
        _ => false,
    };

    /// <summary>
    /// FTS5 queries for the bare terms and phrases of the top-level AND. FTS5's unicode61 tokenizer splits on every
    /// character that is not a letter or digit, more finely than Splunk's breakers, so a term is matched as all of its
    /// tokens (<c>wmic.exe</c> as <c>"wmic" AND "exe"</c>): every raw text that holds the term holds them. The term
    /// index keeps no positions (<c>detail=none</c>, the cheapest to write), so this is an AND, not a phrase; the engine
    /// checks adjacency. A trailing <c>*</c> makes the last token a prefix; any other wildcard, or a term with no letter
    /// or digit, is left to the engine.
    /// </summary>
    private static IEnumerable<string> TermsOf(List<SearchExpression> conjuncts)
    {
        foreach (var conjunct in conjuncts)
        {
            var text = conjunct switch
            {
                SearchTerm { Modifier: null } term => term.Text,
                SearchPhrase phrase => phrase.Text,
                _ => null,
            };
            if (text is not null && FtsQuery(text) is { } fts)
            {
                yield return fts;
            }
        }
    }

    internal static string? FtsQuery(string term)
    {
        var prefix = term.EndsWith('*');
        var body = prefix ? term[..^1] : term;
        if (body.Contains('*', StringComparison.Ordinal))
        {
            return null;
        }

        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in body)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }
        else if (prefix)
        {
            // "abc.*": the prefix ends at a breaker, so the last token is whole.
            prefix = false;
        }

        if (tokens.Count == 0)
        {
            return null;
        }

        var query = string.Join(" AND ", tokens.Select(t => "\"" + t + "\""));
        return prefix ? query + " *" : query;
    }
}

/// <summary>Splunk's <c>*</c> wildcard, case-insensitive (index names, metadata values).</summary>
internal static class Wildcard
{
    public static bool Matches(string pattern, string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value,
            "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
}
