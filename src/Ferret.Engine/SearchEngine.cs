using Ferret.Engine.Planning;
using Ferret.Spl;

namespace Ferret.Engine;

/// <summary>Compiles SPL (already macro-expanded) into a reusable plan. Never throws on user input.</summary>
public static class SearchEngine
{
    public static CompiledSearch Compile(string spl) => Bind(spl ?? string.Empty, SplParser.Parse(spl ?? string.Empty));

    /// <summary>Binds a tree already parsed from <paramref name="spl"/> (so a caller that keeps the tree parses once);
    /// the plan's diagnostics are the parser's followed by the binder's.</summary>
    public static CompiledSearch Bind(string spl, SplParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var bind = new BindContext();
        bind.ReportAll(parsed.Diagnostics);
        var pipeline = new Planner(bind).Plan(parsed.Pipeline);
        return new CompiledSearch(spl, pipeline, bind.Diagnostics) { ReadsEventsAgain = bind.ReadsEventsAgain, NestedReaders = bind.NestedReaders, ReadingSubsearchOperators = bind.ReadingSubsearchOperators };
    }
}
