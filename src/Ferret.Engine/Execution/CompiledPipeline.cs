using Ferret.Events;

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
    }

    public IReadOnlyList<Operator> Operators { get; }

    public int StreamingPrefixLength { get; }

    public bool IsGenerating => Operators.Count > 0 && Operators[0].Kind == OperatorKind.Generating;

    /// <summary>Runs over <paramref name="input"/> (ignored when the pipeline starts with a generating command).</summary>
    public IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var stream = input;
        foreach (var op in Operators)
        {
            stream = op.Execute(stream, run);
        }

        return stream;
    }
}
