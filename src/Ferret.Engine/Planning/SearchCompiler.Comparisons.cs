using Ferret.Engine.Functions;
using Ferret.Engine.Matching;
using Ferret.Events;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

/// <summary>
/// Field comparisons of a search (<c>field=value</c>, <c>field IN (...)</c>). Each is a test of the field's values, so
/// several comparisons of one field in an <c>IN</c> list or an <c>OR</c> (<c>process_name=cmd.exe OR
/// process_name=powershell.exe</c>, as ESCU writes them by the dozen) read the field from the event once: a field
/// lookup is a dictionary probe, the costliest step of a comparison.
/// </summary>
public sealed partial class SearchCompiler
{
    /// <summary>The operands of an OR, with the comparisons of one field joined into one predicate at the place of the
    /// first of them. The operands have no side effects, so testing them in another order gives the same answer.</summary>
    private Predicate[] CompileAlternatives(IReadOnlyList<SearchExpression> operands)
    {
        var slots = new List<(Predicate? Predicate, string? Field, List<Func<FieldValue, bool>>? Tests)>();
        var byField = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var operand in operands)
        {
            if (operand is SearchComparison comparison)
            {
                var field = comparison.Field.Text;
                var test = CompileValueTest(comparison.Operator, ComparedText(comparison.Value));
                if (byField.TryGetValue(field, out var slot))
                {
                    slots[slot].Tests!.Add(test);
                }
                else
                {
                    byField[field] = slots.Count;
                    slots.Add((null, field, [test]));
                }
            }
            else
            {
                slots.Add((Compile(operand), null, null));
            }
        }

        return [.. slots.Select(s => s.Predicate ?? CompileOnOneField(s.Field!, [.. s.Tests!]))];
    }

    /// <summary>Whether any of <paramref name="tests"/> accepts <paramref name="field"/>'s values, read once.</summary>
    private static Predicate CompileOnOneField(string field, Func<FieldValue, bool>[] tests)
    {
        if (tests.Length == 1)
        {
            var only = tests[0];
            return (e, _) => only(e[field]);
        }

        return (e, _) =>
        {
            var values = e[field];
            foreach (var test in tests)
            {
                if (test(values))
                {
                    return true;
                }
            }

            return false;
        };
    }

    public static Predicate CompileComparison(string field, ComparisonOperator op, string value)
    {
        var test = CompileValueTest(op, value);
        return (e, _) => test(e[field]);
    }

    /// <summary>The value a comparison is written with: quoted as written, else with its escapes undone.</summary>
    private static string ComparedText(Word value) => value.IsQuoted ? value.Text : Unescape(value.Text);

    /// <summary>What a comparison asks of the values of its field (null when the event lacks it).</summary>
    private static Func<FieldValue, bool> CompileValueTest(ComparisonOperator op, string value)
    {
        var pattern = new WildcardPattern(value);
        double? number = Scalar.TryParseNumber(value, out var n) ? n : null;
        if (op is ComparisonOperator.Equal or ComparisonOperator.NotEqual && SearchValueForms.TryCompile(value) is { } special)
        {
            return op == ComparisonOperator.Equal
                ? special
                : values => !values.IsNull && !special(values);
        }

        switch (op)
        {
            case ComparisonOperator.Equal:
                return values => AnyValueMatches(values, pattern, number);
            case ComparisonOperator.NotEqual:
                // Search Reference, "search command": field!=value matches events where the field exists and
                // does not have the value; NOT field=value also matches events without the field.
                return values => !values.IsNull && !AnyValueMatches(values, pattern, number);
            default:
                return values =>
                {
                    foreach (var v in values.Values)
                    {
                        int c;
                        if (number is { } right && v.TryGetNumber(out var left))
                        {
                            c = left.CompareTo(right);
                        }
                        else
                        {
                            c = string.Compare(v.ToString(), value, StringComparison.OrdinalIgnoreCase);
                        }

                        if (op switch
                            {
                                ComparisonOperator.Less => c < 0,
                                ComparisonOperator.LessOrEqual => c <= 0,
                                ComparisonOperator.Greater => c > 0,
                                _ => c >= 0,
                            })
                        {
                            return true;
                        }
                    }

                    return false;
                };
        }
    }

    /// <summary>Whether one of <paramref name="predicates"/> holds for the event: a loop, not <c>Any</c> with a lambda
    /// that captured the event (a closure and an enumerator per event).</summary>
    internal static bool AnyHolds(Predicate[] predicates, Event e, EvalRuntime runtime)
    {
        foreach (var predicate in predicates)
        {
            if (predicate(e, runtime))
            {
                return true;
            }
        }

        return false;
    }

    public static bool AnyValueMatches(FieldValue values, WildcardPattern pattern, double? number)
    {
        foreach (var v in values.Values)
        {
            if (number is { } n && v.IsNumber && v.Number == n)
            {
                return true;
            }

            // A text value is compared as text, never as a number: x=1 does not match "1.0" or "01" (Search Reference,
            // "search command": field values are matched as strings, without case).
            if (pattern.IsMatch(v.ToString()))
            {
                return true;
            }
        }

        return false;
    }
}
