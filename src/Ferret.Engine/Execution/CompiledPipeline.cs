using Ferret.Engine.Operators;
using Ferret.Events;
using Ferret.Spl.Tables;

namespace Ferret.Engine.Execution;

/// <summary>
/// A bound pipeline: a list of operators. The streaming prefix (operators up to the first blocking one) is what can
/// run in parallel next to the data; <see cref="StreamingPrefixLength"/> says where it ends.
/// </summary>
public sealed class CompiledPipeline
{
    public CompiledPipeline(IReadOnlyList<Operator> operators)
    {
        var list = new List<Operator>();
        var fresh = operators.Count > 0 && operators[0].Kind == OperatorKind.Generating;
        foreach (var op in operators)
        {
            if (op.MutatesEvents && !fresh)
            {
                list.Add(new CopyEventsOperator());
                fresh = true;
            }

            fresh |= op.CreatesRows;
            list.Add(op);
        }

        Operators = list;
        StreamingPrefixLength = list.TakeWhile(o => o.Kind == OperatorKind.Streaming).Count();
        FedPrefixLength = list.TakeWhile(CanBeFed).Count();
        ReadsRunEvents = list.Any(o => CommandTable.Find(o.Name) is { ReadsEventsAgain: true });
    }

    public IReadOnlyList<Operator> Operators { get; }

    public int StreamingPrefixLength { get; }

    /// <summary>How many leading operators only filter, each event on its own through <see cref="StreamingOperator.Process"/>,
    /// so an <see cref="IncrementalRun"/> can apply them as events arrive; at most <see cref="StreamingPrefixLength"/>.</summary>
    public int FedPrefixLength { get; }

    /// <summary>Whether an operator's command is declared to read the run's events again beside its input (join, append,
    /// map); <see cref="CompiledSearch.ReadsEventsAgain"/> also counts subsearches in search terms.</summary>
    public bool ReadsRunEvents { get; }

    public bool IsGenerating => Operators.Count > 0 && Operators[0].Kind == OperatorKind.Generating;

    /// <summary>Whether the pipeline starts with a command that makes its rows without reading the run's events
    /// (inputlookup, makeresults, rest...): Search Reference, "Command types", generating commands.</summary>
    public bool ReadsNoEvents =>
        IsGenerating && Operators[0] is not (TstatsOperator or DatamodelOperator or EventSourceOperator);

    private static bool CanBeFed(Operator op) => op is StreamingOperator { Kind: OperatorKind.Streaming, OnlyFilters: true };

    /// <summary>Runs over <paramref name="input"/> (ignored when the pipeline starts with a generating command).</summary>
    public IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.FedReaders is { } fed && fed.TryGetValue(this, out var results))
        {
            return results();
        }

        var stream = input;
        foreach (var op in Operators)
        {
            stream = op.Execute(stream, run);
        }

        return stream;
    }
}
