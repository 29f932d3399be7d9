using Ferret.Engine.Operators;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

public sealed partial class Planner
{
    /// <summary><c>reset_on_change=</c>, <c>reset_before="(expr)"</c> and <c>reset_after="(expr)"</c> of streamstats
    /// (Search Reference, "streamstats command"); the expression may be written with or without its parentheses.</summary>
    private StreamstatsResets BindStreamstatsResets(StatsCommandNode stats)
    {
        var onChange = Flag("streamstats", stats.Options, "reset_on_change", false);
        var before = ResetCondition(stats, "reset_before");
        var after = ResetCondition(stats, "reset_after");
        return onChange || before is not null || after is not null ? new StreamstatsResets(onChange, before, after) : StreamstatsResets.None;
    }

    private Evaluator? ResetCondition(StatsCommandNode stats, string option)
    {
        if (stats.Options.Find(option) is not { } found)
        {
            return null;
        }

        var text = found.Value.Text.Trim();
        var parsed = Spl.SplParser.ParseExpression(text);
        if (parsed.HasErrors || parsed.Expression is null)
        {
            _bind.Report(DiagnosticFacts.InvalidOptionValue(found.Value.Span, "streamstats", option, text, "an eval expression such as \"(count>3)\""));
            return null;
        }

        return _expressions.Compile(parsed.Expression);
    }
}
