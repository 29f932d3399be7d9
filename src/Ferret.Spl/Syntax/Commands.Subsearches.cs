using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Syntax;

/// <summary><c>join [type=inner|outer|left] [usetime=] [earlier=] [overwrite=] [max=N] [field...] [ subsearch ]</c>.</summary>
public sealed record JoinCommandNode(IReadOnlyList<CommandOption> Options, IReadOnlyList<Word> Fields, Subsearch Subsearch, TextSpan Span)
    : CommandNode("join", Span);

/// <summary><c>append [options] [ subsearch ]</c>, <c>appendcols [ ... ]</c>, <c>appendpipe [ ... ]</c> (the last runs
/// its pipeline over the current results rather than as a new search).</summary>
public sealed record AppendCommandNode(string Name, IReadOnlyList<CommandOption> Options, Subsearch Subsearch, TextSpan Span)
    : CommandNode(Name, Span);

/// <summary><c>foreach [mode=] [fieldstr=] [matchstr=] field-or-wildcard... [ template ]</c>. The template is kept as
/// written (<see cref="BodyText"/>, to substitute <c>&lt;&lt;FIELD&gt;&gt;</c>, <c>&lt;&lt;MATCHSTR&gt;&gt;</c>... and reparse)
/// and also parsed with the placeholders read as parts of names (<see cref="Body"/>).</summary>
public sealed record ForeachCommandNode(
    IReadOnlyList<CommandOption> Options, IReadOnlyList<Word> Fields, Subsearch Body, string BodyText, TextSpan Span)
    : CommandNode("foreach", Span);

/// <summary><c>map search="..." [maxsearches=N]</c> or <c>map [ subsearch ] [maxsearches=N]</c>.</summary>
public sealed record MapCommandNode(IReadOnlyList<CommandOption> Options, Subsearch? Subsearch, TextSpan Span) : CommandNode("map", Span);

/// <summary><c>return [N] field | alias=field | $field ...</c>.</summary>
public sealed record ReturnCommandNode(int? Count, IReadOnlyList<ReturnItem> Items, TextSpan Span) : CommandNode("return", Span);

/// <summary>One item of return: <c>field</c>, <c>alias=field</c>, or <c>$field</c> (<see cref="IsValueOnly"/>).</summary>
public sealed record ReturnItem(Word? Alias, Word Field, bool IsValueOnly, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>format [mvsep=] [maxresults=] ["row prefix" "col prefix" "col sep" "col end" "row sep" "row end"]</c>.</summary>
public sealed record FormatCommandNode(IReadOnlyList<CommandOption> Options, IReadOnlyList<Word> Strings, TextSpan Span)
    : CommandNode("format", Span);
