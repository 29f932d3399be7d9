using Ferret.Engine.Functions;
using Ferret.Engine.Operators;
using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary>One bound aggregation: its output name, how to read its input from an event (null for a bare
/// <c>count</c>), and how to make a fresh state.</summary>
public sealed record AggregateBinding(string Function, string OutputName, Func<Event, EvalRuntime, FieldValue>? Input, Func<IAggregateState> Factory)
{
    private static readonly FieldValue Present = FieldValue.Of(1);

    /// <summary>
    /// For a wildcard field argument (<c>values(*)</c>, <c>values(requestParameters.*) AS *</c>): the pattern the event's
    /// field names are matched against; <see cref="OutputName"/> is then a template whose <c>*</c> take the parts the
    /// pattern's wildcards matched. Null for an ordinary argument.
    /// </summary>
    public FieldNamePattern? Wildcard { get; init; }

    public FieldValue Read(Event e, EvalRuntime runtime) => Input is null ? Present : Input(e, runtime);

    /// <summary>
    /// The output name for <paramref name="field"/> when this wildcard binding aggregates it, or null when the field does
    /// not match. Fields whose name starts with <c>_</c> (internal fields such as <c>_raw</c>, <c>_time</c>) match only a
    /// pattern that starts with <c>_</c> itself: <c>*</c> means the event's ordinary fields.
    /// </summary>
    public string? OutputNameFor(string field)
    {
        if (Wildcard is null || (field.StartsWith('_') && !Wildcard.Pattern.StartsWith('_')))
        {
            return null;
        }

        return Wildcard.Captures(field) is { } captures ? FieldNamePattern.Substitute(OutputName, captures) : null;
    }
}
