using System.Text.RegularExpressions;
using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary><c>mvexpand field [limit=N]</c>: one result per value, each a copy of the event with that single value. The
/// copies of one result may use at most [mvexpand] max_mem_usage_mb (Search Reference, "mvexpand command", Limits: past
/// it the expansion is cut and a warning given); the first values that fit are expanded and the limit is reported.</summary>
public sealed class MvexpandOperator(string field, int? limit) : Operator("mvexpand")
{
    public override OperatorKind Kind => OperatorKind.Streaming;

    public override bool MutatesEvents => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        foreach (var e in input)
        {
            var value = e[field];
            if (value.IsNull)
            {
                // Search Reference, "mvexpand": results without the field pass through unchanged.
                yield return e;
                continue;
            }

            if (!value.IsMultivalue)
            {
                yield return e;
                continue;
            }

            var values = limit is { } l and > 0 ? value.Values.Take(l) : value.Values;
            // Each copy holds the result's other fields and one value: the result's size less all but one value's share.
            var valueBytes = value.Values.Sum(v => v.IsString ? 24L + (2L * v.ToString().Length) : 16L);
            var copyBytes = Math.Max(1, RowBudget.EstimateBytes(e) - valueBytes + (valueBytes / value.Count));
            var fitting = (int)Math.Clamp(run.Limits.MvexpandMaxMemUsageMb * 1024L * 1024L / copyBytes, 1, int.MaxValue);
            if (value.Count > fitting && (limit is not > 0 || limit > fitting))
            {
                run.ReportLimit("[mvexpand] max_mem_usage_mb", "mvexpand",
                    $"expanded the first {fitting} of {value.Count} values of '{field}' in a result (about {run.Limits.MvexpandMaxMemUsageMb} MB of copies); the rest were dropped");
                values = values.Take(fitting);
            }

            foreach (var v in values)
            {
                var copy = e.Clone();
                copy.Set(field, FieldValue.Of(v));
                yield return copy;
            }
        }
    }
}

/// <summary><c>makemv [delim=","|tokenizer="regex"] [allowempty=] [setsv=] field</c> (default delimiter a space).</summary>
public sealed class MakemvOperator(string field, string? delimiter, string? tokenizer, bool allowEmpty, bool setSingleValue)
    : StreamingOperator("makemv")
{
    public override bool Process(Event e, RunContext run)
    {
        if (e[field].Text is not { } text)
        {
            return true;
        }

        List<string> values;
        if (tokenizer is not null)
        {
            var regex = Text.RegexCache.GetTranslated(tokenizer, RegexOptions.None, run.Search.RegexTimeout);
            values = run.Runtime.Guard(regex, () => regex.Matches(text).Select(m => m.Groups.Count > 1 ? m.Groups[1].Value : m.Value).Take(MaxValues(run) + 1).ToList(), []);
        }
        else
        {
            values = [.. text.Split(delimiter ?? " ", MaxValues(run) + 1)];
        }

        if (values.Count > MaxValues(run))
        {
            // The last piece holds the rest of the text unsplit (or the first match past the limit): neither is kept.
            values.RemoveRange(MaxValues(run), values.Count - MaxValues(run));
            run.ReportLimit("[ferret] max_mv_size", "makemv", $"kept the first {MaxValues(run)} values of '{field}'; the rest of the text was not split");
        }

        if (!allowEmpty)
        {
            values.RemoveAll(v => v.Length == 0);
        }

        e.Set(field, setSingleValue ? FieldValue.Of(string.Join(delimiter ?? " ", values)) : FieldValue.Multi(values));
        return true;
    }

    private static int MaxValues(RunContext run) => Math.Min(run.Limits.MaxMvSize, int.MaxValue - 1);
}

/// <summary><c>nomv field</c>: the values joined by a newline, as one value.</summary>
public sealed class NomvOperator(string field) : StreamingOperator("nomv")
{
    public override bool Process(Event e, RunContext run)
    {
        var value = e[field];
        if (value.IsMultivalue)
        {
            e.Set(field, FieldValue.Of(string.Join('\n', value.Texts)));
        }

        return true;
    }
}
