using Ferret.Engine.Operators;
using Ferret.Spl;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

public sealed partial class Planner
{
    /// <summary>
    /// <c>map search="..."</c> or <c>map [ ... ]</c> with <c>maxsearches</c> (Search Reference, "map command"). The search is
    /// compiled once here with its <c>$field$</c> tokens replaced by a plain word, so a search that cannot run is a compile
    /// error at the map command rather than a surprise per result; each result's search is compiled when it runs.
    /// Macros inside the quoted search were expanded with the outer search (Ferret.Spl's MacroExpander).
    /// </summary>
    private MapOperator? BindMap(MapCommandNode map)
    {
        CheckOptions("map", map.Options, "search", "maxsearches");
        string template;
        Spl.Diagnostics.TextSpan span;
        if (map.Options.Find("search") is { } search)
        {
            template = search.Value.Text;
            span = search.Value.Span;
        }
        else if (map.Subsearch is { } subsearch)
        {
            template = SplPrinter.Print(subsearch.Pipeline);
            span = subsearch.Span;
        }
        else
        {
            // The parser has reported the missing search.
            return null;
        }

        var probe = SearchEngine.Compile(MapOperator.Probe(template));
        _bind.ReportAll(probe.Diagnostics.Select(d => d.WithSpan(span)));
        return new MapOperator(template, Integer("map", map.Options, "maxsearches", MapOperator.DefaultMaxSearches));
    }
}
