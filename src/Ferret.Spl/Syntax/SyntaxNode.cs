using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Syntax;

/// <summary>The root of every node of the SPL syntax tree: immutable, with the span of text it came from.</summary>
public abstract record SyntaxNode(TextSpan Span);

/// <summary>A pipeline: commands separated by <c>|</c>. The first command of a top-level search is usually an
/// implicit <c>search</c> (<see cref="SearchCommandNode.IsImplicit"/>) or a generating command.</summary>
public sealed record Pipeline(IReadOnlyList<CommandNode> Commands, TextSpan Span) : SyntaxNode(Span);

/// <summary>One word of a command's arguments as written: a field name, a value, a table name. <see cref="IsQuoted"/>
/// says it was written in double quotes (then <see cref="Text"/> is the unescaped content).</summary>
public sealed record Word(string Text, bool IsQuoted, TextSpan Span) : SyntaxNode(Span)
{
    public override string ToString() => Text;
}

/// <summary>A <c>name=value</c> option of a command (e.g. <c>max_match=0</c>, <c>type=outer</c>).</summary>
public sealed record CommandOption(string Name, Word Value, TextSpan Span) : SyntaxNode(Span);

/// <summary>A field with an optional new name: <c>field</c> or <c>field AS alias</c>.</summary>
public sealed record FieldAlias(Word Field, Word? Alias, TextSpan Span) : SyntaxNode(Span);

/// <summary>A subsearch <c>[ ... ]</c> argument of a command.</summary>
public sealed record Subsearch(Pipeline Pipeline, TextSpan Span) : SyntaxNode(Span);
