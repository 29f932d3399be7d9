using Ferret.Spl;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Macros;
using Ferret.Spl.Syntax;

namespace Ferret.Content.Validation;

/// <summary>The outcome of expanding and parsing one search: the expansion, the tree, and every diagnostic with its span
/// in the search as written (parser problems inside a macro's text point at the macro call).</summary>
public sealed record SearchValidation(MacroExpansion Expansion, SplParseResult Parsed, IReadOnlyList<Diagnostic> Diagnostics)
{
    public Pipeline Pipeline => Parsed.Pipeline;

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Expands the macros of <paramref name="search"/> and parses the result.</summary>
    public static SearchValidation Validate(string search, MacroTable macros)
    {
        var expansion = MacroExpander.Expand(search, macros);
        var parsed = SplParser.Parse(expansion.Text);
        var diagnostics = expansion.Diagnostics.Concat(expansion.MapToOriginal(parsed.Diagnostics)).ToList();
        return new SearchValidation(expansion, parsed, diagnostics);
    }
}
