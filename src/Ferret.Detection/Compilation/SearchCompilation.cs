using Ferret.Content.Validation;
using Ferret.Engine;
using Ferret.Spl;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Macros;
using Ferret.Spl.Syntax;

namespace Ferret.Detection.Compilation;

/// <summary>
/// One search through the compile pipeline: its macros expanded, the expanded text parsed once and bound against the
/// command and function registry and the engine's operators. A detection (<see cref="DetectionCompiler"/>) and an
/// ad-hoc search (<see cref="CompiledContent.CompileSearch"/>, what <c>ferret search</c> runs) are compiled alike.
/// </summary>
/// <param name="Search">the expansion and the tree.</param>
/// <param name="Plan">the bound plan, or null when the expansion failed (nothing to bind).</param>
/// <param name="Diagnostics">every diagnostic, its span in the text as written (inside a macro: the macro call).</param>
public sealed record SearchCompilation(SearchValidation Search, CompiledSearch? Plan, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The search with its macros expanded.</summary>
    public string ExpandedText => Search.Expansion.Text;

    public bool HasErrors => Plan is null || Diagnostics.Any(d => d.IsError);

    public static SearchCompilation Compile(string search, MacroTable macros)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(macros);
        var validation = SearchValidation.Validate(search, macros);
        var expansion = validation.Expansion;
        if (expansion.HasErrors)
        {
            return new SearchCompilation(validation, null, validation.Diagnostics);
        }

        var plan = SearchEngine.Bind(expansion.Text, validation.Parsed);
        return new SearchCompilation(validation, plan, [.. expansion.Diagnostics, .. expansion.MapToOriginal(plan.Diagnostics)]);
    }

    /// <summary>The plan of the first <paramref name="count"/> commands of <paramref name="pipeline"/> (a tree parsed from
    /// <paramref name="expandedText"/>), bound from those nodes: what a prefix of a search does, without slicing its
    /// text or parsing it again.</summary>
    public static CompiledSearch BindPrefix(string expandedText, Pipeline pipeline, int count)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var commands = pipeline.Commands.Take(count).ToList();
        var span = commands.Count == 0 ? default : TextSpan.FromBounds(commands[0].Span.Start, commands[^1].Span.End);
        return SearchEngine.Bind(expandedText, new SplParseResult(new Pipeline(commands, span), []));
    }
}
