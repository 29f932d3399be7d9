using System.Globalization;
using Ferret.Engine.Functions;
using Ferret.Engine.Matching;
using Ferret.Engine.Time;
using Ferret.Events;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

/// <summary>
/// Binds search terms (the leading search, <c>search</c>, <c>where</c> clauses of tstats/inputlookup) to predicates,
/// with Splunk's search semantics (Search Reference, "search command"; Search Manual, "Use the search language"):
/// field values compare case-insensitively with <c>*</c> wildcards; a multivalue field matches when any value does;
/// <c>field!=v</c> needs the field to exist while <c>NOT field=v</c> also matches events without it; bare terms and
/// phrases match <c>_raw</c> at segment boundaries.
/// </summary>
public sealed partial class SearchCompiler(BindContext bind, Func<Pipeline, SubsearchPlan>? subsearches = null)
{
    public Predicate Compile(SearchExpression expression)
    {
        switch (expression)
        {
            case SearchAnd and:
                var all = and.Operands.Select(Compile).ToArray();
                return (e, rt) =>
                {
                    foreach (var p in all)
                    {
                        if (!p(e, rt))
                        {
                            return false;
                        }
                    }

                    return true;
                };
            case SearchOr or:
                var any = CompileAlternatives(or.Operands);
                return (e, rt) => AnyHolds(any, e, rt);
            case SearchNot not:
                var operand = Compile(not.Operand);
                return (e, rt) => !operand(e, rt);
            case SearchTerm term:
                return CompileTerm(Unescape(term.Text), term.Modifier);
            case SearchPhrase phrase:
                return CompileTerm(phrase.Text, null);
            case SearchComparison comparison:
                return CompileComparison(comparison.Field.Text, comparison.Operator, ComparedText(comparison.Value));
            case SearchIn @in:
                return CompileOnOneField(@in.Field.Text, [.. @in.Values.Select(v => CompileValueTest(ComparisonOperator.Equal, ComparedText(v)))]);
            case SearchTimeModifier time:
                return CompileTimeModifier(time);
            case SearchSubsearch sub:
                return CompileSubsearch(sub);
            default:
                return (_, _) => true;
        }
    }

    private static Predicate CompileTerm(string text, string? modifier)
    {
        if (string.Equals(modifier, "CASE", StringComparison.OrdinalIgnoreCase))
        {
            var matcher = new TermMatcher(text);
            return (e, _) => e.Raw is { } raw ? matcher.IsMatch(raw) && raw.Contains(text.Replace("*", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal) : false;
        }

        var term = new TermMatcher(text);
        if (term.MatchesEverything)
        {
            return (_, _) => true;
        }

        return (e, _) =>
        {
            if (e.Raw is { } raw)
            {
                return term.IsMatch(raw);
            }

            // Results without _raw (after stats, makeresults): a keyword matches any field's value.
            foreach (var (_, value) in e.Fields)
            {
                foreach (var v in value.Values)
                {
                    if (term.IsMatch(v.ToString()))
                    {
                        return true;
                    }
                }
            }

            return false;
        };
    }

    private Predicate CompileTimeModifier(SearchTimeModifier time)
    {
        if (!TimeModifier.TryParse(time.Value.Text, out var modifier, out var error))
        {
            bind.Report(DiagnosticFacts.InvalidTimeModifier(time.Value.Span, error));
            return (_, _) => true;
        }

        var isLatest = time.Name.Contains("latest", StringComparison.OrdinalIgnoreCase);
        return (e, rt) =>
        {
            var bound = modifier.ResolveEpoch(rt.SearchStart);
            if (e.Time is not { } t)
            {
                return false;
            }

            return isLatest ? t < bound : t >= bound;
        };
    }

    private Predicate CompileSubsearch(SearchSubsearch sub)
    {
        if (subsearches is null)
        {
            bind.Report(DiagnosticFacts.CommandNotSupported(sub.Span, "subsearch", "subsearches are not available here"));
            return (_, _) => false;
        }

        var plan = subsearches(sub.Pipeline);
        return (e, rt) => plan.Predicate(rt)(e, rt);
    }

    /// <summary>A bare search value as Splunk reads it: <c>\\</c> is a backslash and <c>\"</c> a quote; other backslashes stay.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '\\' or '"')
            {
                builder.Append(text[i + 1]);
                i++;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    internal static string FormatNumber(double n) => n.ToString(CultureInfo.InvariantCulture);
}
