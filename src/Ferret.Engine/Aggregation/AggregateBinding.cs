using Ferret.Engine.Functions;
using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary>One bound aggregation: its output name, how to read its input from an event (null for a bare
/// <c>count</c>), and how to make a fresh state.</summary>
public sealed record AggregateBinding(string Function, string OutputName, Func<Event, EvalRuntime, FieldValue>? Input, Func<IAggregateState> Factory)
{
    private static readonly FieldValue Present = FieldValue.Of(1);

    public FieldValue Read(Event e, EvalRuntime runtime) => Input is null ? Present : Input(e, runtime);
}
