using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Syntax;

/// <summary><c>eval f=expr, g=expr</c>.</summary>
public sealed record EvalCommandNode(IReadOnlyList<EvalAssignment> Assignments, TextSpan Span) : CommandNode("eval", Span);

/// <summary>One <c>field=expression</c> of eval. The field may contain <c>{other}</c> (dynamic name) or <c>&lt;&lt;FIELD&gt;&gt;</c> in a foreach body.</summary>
public sealed record EvalAssignment(Word Field, Expression Value, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>rename a AS b, c* AS d*</c> (each <see cref="FieldAlias.Alias"/> is set; wildcards kept in the text).</summary>
public sealed record RenameCommandNode(IReadOnlyList<FieldAlias> Renames, TextSpan Span) : CommandNode("rename", Span);

/// <summary><c>table f1, f2 f3*</c>.</summary>
public sealed record TableCommandNode(IReadOnlyList<Word> Fields, TextSpan Span) : CommandNode("table", Span);

/// <summary><c>fields [+|-] f1, f2*</c>: keep (<see cref="IsRemove"/> false) or remove the listed fields.</summary>
public sealed record FieldsCommandNode(bool IsRemove, IReadOnlyList<Word> Fields, TextSpan Span) : CommandNode("fields", Span);

/// <summary><c>rex [field=f] [max_match=N] [mode=sed] [offset_field=f] "pattern"</c>; options in <see cref="Options"/>.</summary>
public sealed record RexCommandNode(IReadOnlyList<CommandOption> Options, Word Pattern, TextSpan Span) : CommandNode("rex", Span)
{
    /// <summary>The field to read (<c>field=</c>), <c>_raw</c> when absent.</summary>
    public string Field => Options.Find("field")?.Value.Text ?? "_raw";

    public bool IsSedMode => string.Equals(Options.Find("mode")?.Value.Text, "sed", StringComparison.OrdinalIgnoreCase);
}

/// <summary><c>fillnull [value=V] [field...]</c>.</summary>
public sealed record FillnullCommandNode(IReadOnlyList<CommandOption> Options, IReadOnlyList<Word> Fields, TextSpan Span)
    : CommandNode("fillnull", Span);

/// <summary><c>mvexpand field [limit=N]</c>.</summary>
public sealed record MvexpandCommandNode(Word Field, IReadOnlyList<CommandOption> Options, TextSpan Span) : CommandNode("mvexpand", Span);

/// <summary><c>makemv [delim=","|tokenizer="re"] [allowempty=] [setsv=] field</c>.</summary>
public sealed record MakemvCommandNode(IReadOnlyList<CommandOption> Options, Word Field, TextSpan Span) : CommandNode("makemv", Span);

/// <summary><c>convert [timeformat="..."] ctime(f) [AS g] ...</c>.</summary>
public sealed record ConvertCommandNode(IReadOnlyList<CommandOption> Options, IReadOnlyList<Conversion> Conversions, TextSpan Span)
    : CommandNode("convert", Span);

/// <summary>One <c>function(field) [AS alias]</c> of convert; <see cref="Function"/> lower case.</summary>
public sealed record Conversion(string Function, Word Field, Word? Alias, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>bin|bucket [span=|bins=|minspan=|start=|end=|aligntime=] field [AS alias]</c>.</summary>
public sealed record BinCommandNode(string Name, IReadOnlyList<CommandOption> Options, Word Field, Word? Alias, TextSpan Span)
    : CommandNode(Name, Span);

/// <summary><c>spath [input=f] [output=g] [path=p | p]</c>; a positional path is stored as <see cref="Path"/>.</summary>
public sealed record SpathCommandNode(IReadOnlyList<CommandOption> Options, Word? Path, TextSpan Span) : CommandNode("spath", Span)
{
    /// <summary>The path given either as <c>path=</c> or positionally; null extracts every field.</summary>
    public string? EffectivePath => Options.Find("path")?.Value.Text ?? Path?.Text;
}

/// <summary><c>xmlkv [field] [maxinputs=N]</c>, <c>fromjson field [prefix=p]</c>, <c>iplocation [prefix=] [allfields=] field</c>,
/// <c>addtotals [options] [field...]</c>: a command with options and a list of fields (see <see cref="CommandNode.Name"/>).</summary>
public sealed record FieldListCommandNode(string Name, IReadOnlyList<CommandOption> Options, IReadOnlyList<Word> Fields, TextSpan Span)
    : CommandNode(Name, Span);

/// <summary><c>replace "a" WITH "b"[, ...] [IN field...]</c>.</summary>
public sealed record ReplaceCommandNode(IReadOnlyList<ReplacePair> Pairs, IReadOnlyList<Word> Fields, TextSpan Span)
    : CommandNode("replace", Span);

public sealed record ReplacePair(Word From, Word To, TextSpan Span) : SyntaxNode(Span);
