using System.Text.RegularExpressions;
using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary><c>mvexpand field [limit=N]</c>: one result per value, each a copy of the event with that single value.</summary>
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
            values = run.Runtime.Guard(regex, () => regex.Matches(text).Select(m => m.Groups.Count > 1 ? m.Groups[1].Value : m.Value).ToList(), []);
        }
        else
        {
            values = [.. text.Split(delimiter ?? " ")];
        }

        if (!allowEmpty)
        {
            values.RemoveAll(v => v.Length == 0);
        }

        e.Set(field, setSingleValue ? FieldValue.Of(string.Join(delimiter ?? " ", values)) : FieldValue.Multi(values));
        return true;
    }
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
