using Ferret.Events;
using Ferret.Spl;
using Ferret.Spl.Diagnostics;
using static Ferret.Engine.Tests.Spl;

namespace Ferret.Engine.Tests.Limits;

public class ExpressionDepthTests
{
    /// <summary>What .NET gives a thread-pool thread on Linux: the hunt runs detections there.</summary>
    private const int WorkerStackBytes = 1536 * 1024;

    [Theory]
    [InlineData("+", "1")]
    [InlineData(" AND ", "x=1")]
    [InlineData(" OR ", "x=2")]
    [InlineData(".", "\"a\"")]
    public void A_chain_of_15000_operators_is_an_spl_error_not_a_stack_overflow(string op, string operand)
    {
        var chain = string.Join(op, Enumerable.Repeat(operand, 15_000));

        foreach (var spl in new[] { $"* | eval y={chain}", $"* | where {chain}", $"* | stats count(eval({chain})) as c" })
        {
            var compiled = SearchEngine.Compile(spl);

            var error = Assert.Single(compiled.Diagnostics, d => d.IsError);
            Assert.Equal(DiagnosticFacts.ExpressionTooDeepCode, error.Code);
            Assert.Contains($"more than {SplParser.MaxExpressionDepth}", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_expression_at_the_depth_limit_compiles_and_runs_on_a_worker_threads_stack()
    {
        var deepest = string.Join('+', Enumerable.Repeat("x", SplParser.MaxExpressionDepth));
        var deepestCondition = string.Join(" AND ", Enumerable.Repeat("x=1", SplParser.MaxExpressionDepth - 1));
        List<Event>? results = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    results = Run($"* | eval y={deepest} | where {deepestCondition}", Ev(("x", 1)));
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    failure = error;
                }
            },
            WorkerStackBytes);

        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.Equal($"{SplParser.MaxExpressionDepth}", results!.Single("y"));
    }
}
