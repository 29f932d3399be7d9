using Ferret.Engine.Planning;
using Ferret.Spl;

namespace Ferret.Engine;

/// <summary>Compiles SPL (already macro-expanded) into a reusable plan. Never throws on user input.</summary>
public static class SearchEngine
{
    public static CompiledSearch Compile(string spl)
    {
        var parsed = SplParser.Parse(spl ?? string.Empty);
        var bind = new BindContext();
        bind.ReportAll(parsed.Diagnostics);
        var pipeline = new Planner(bind).Plan(parsed.Pipeline);
        return new CompiledSearch(spl ?? string.Empty, pipeline, bind.Diagnostics);
    }
}
