using System.Text;
using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>format</c> (Search Reference, "format command"): the results as one search string in a field named <c>search</c>,
/// by default <c>( ( a="1" AND b="2" ) OR ( a="3" ) )</c>; multivalue fields become <c>( f="x" OR f="y" )</c>.
/// </summary>
public sealed class FormatOperator(string rowPrefix, string columnPrefix, string columnSeparator, string columnEnd, string rowSeparator, string rowEnd, int maxResults)
    : BlockingOperator("format")
{
    public override bool CreatesRows => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var rows = new List<string>();
        foreach (var e in maxResults > 0 ? input.Take(maxResults) : input)
        {
            var terms = e.Fields.Where(f => !f.Key.StartsWith('_')).Select(f => Term(f.Key, f.Value)).ToList();
            if (terms.Count > 0)
            {
                rows.Add($"{columnPrefix} {string.Join($" {columnSeparator} ", terms)} {columnEnd}");
            }
        }

        var text = rows.Count == 0 ? "NOT ( )" : $"{rowPrefix} {string.Join($" {rowSeparator} ", rows)} {rowEnd}";
        var result = new Event();
        result.Set("search", FieldValue.Of(text));
        yield return result;
    }

    private static string Term(string field, FieldValue value) =>
        value.IsMultivalue
            ? "( " + string.Join(" OR ", value.Texts.Select(v => $"{field}={Quote(v)}")) + " )"
            : $"{field}={Quote(value.Text ?? string.Empty)}";

    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// <c>return [N] field | alias=field | $field</c> (Search Reference, "return command"): the first N (default 1) results
/// as a search string in <c>search</c>: <c>field="v"</c>, <c>alias="v"</c>, or the bare value for <c>$field</c>; several
/// results are ORed.
/// </summary>
public sealed class ReturnOperator(int count, IReadOnlyList<(string? Alias, string Field, bool ValueOnly)> items) : BlockingOperator("return")
{
    public override bool CreatesRows => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var parts = new List<string>();
        foreach (var e in input.Take(Math.Max(1, count)))
        {
            var terms = new List<string>();
            foreach (var (alias, field, valueOnly) in items)
            {
                if (e[field].Text is not { } value)
                {
                    continue;
                }

                terms.Add(valueOnly ? FormatOperator.Quote(value) : $"{alias ?? field}={FormatOperator.Quote(value)}");
            }

            if (terms.Count > 0)
            {
                parts.Add(string.Join(' ', terms));
            }
        }

        var text = new StringBuilder();
        text.Append(parts.Count switch
        {
            0 => string.Empty,
            1 => parts[0],
            _ => string.Join(" OR ", parts.Select(p => $"({p})")),
        });
        var result = new Event();
        if (text.Length > 0)
        {
            result.Set("search", FieldValue.Of(text.ToString()));
        }

        yield return result;
    }
}
