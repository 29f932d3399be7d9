using Ferret.Events;

namespace Ferret.Engine.Execution;

/// <summary>How an operator consumes events (Search Reference, "Command types").</summary>
public enum OperatorKind
{
    /// <summary>Per event, no state across events: may run in parallel next to the data.</summary>
    Streaming,

    /// <summary>Needs all (or ordered) events: runs after the streaming prefix.</summary>
    Blocking,

    /// <summary>Produces results without reading events from the pipeline.</summary>
    Generating,
}

/// <summary>An immutable operator of a compiled plan; all run state lives in <see cref="RunContext"/> or locals.</summary>
public abstract class Operator(string name)
{
    public string Name { get; } = name;

    public abstract OperatorKind Kind { get; }

    /// <summary>Whether the operator changes the events it is given (so the plan copies caller's events first).</summary>
    public virtual bool MutatesEvents => false;

    /// <summary>Whether the operator emits rows of its own rather than the events it was given.</summary>
    public virtual bool CreatesRows => false;

    public abstract IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run);

    public override string ToString() => Name;
}

/// <summary>A per-event operator: changes the event in place and keeps it, or drops it.</summary>
public abstract class StreamingOperator(string name) : Operator(name)
{
    public override OperatorKind Kind => OperatorKind.Streaming;

    public override bool MutatesEvents => true;

    /// <summary>Processes one event; false drops it.</summary>
    public abstract bool Process(Event e, RunContext run);

    /// <summary>Whether the operator only keeps or drops each event on its own, through <see cref="Process"/>, without
    /// changing it (search, regex, where): such leading operators can be applied as events arrive
    /// (<see cref="IncrementalRun"/>).</summary>
    public virtual bool OnlyFilters => false;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var runtime = run.Runtime;
        foreach (var e in input)
        {
            runtime.CurrentEvent = e;
            if (Process(e, run))
            {
                yield return e;
            }
        }
    }
}

/// <summary>A blocking operator.</summary>
public abstract class BlockingOperator(string name) : Operator(name)
{
    public override OperatorKind Kind => OperatorKind.Blocking;
}

/// <summary>Copies the caller's events before the first operator that changes them, so a compiled search can run
/// many times over the same events.</summary>
public sealed class CopyEventsOperator() : Operator("copy")
{
    public override OperatorKind Kind => OperatorKind.Streaming;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run) => input.Select(e => e.CloneOnWrite());
}
