using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Syntax;

/// <summary>One command of a pipeline. <see cref="Name"/> is the command name in lower case, as written
/// (so <c>bucket</c> stays <c>bucket</c> although it is an alias of <c>bin</c>).</summary>
public abstract record CommandNode(string Name, TextSpan Span) : SyntaxNode(Span);

/// <summary>A command the parser does not know: its name and its arguments as a flat list, so a search with one
/// unsupported command still parses and the engine reports "not supported" for that command alone.</summary>
public sealed record GenericCommandNode(string Name, IReadOnlyList<GenericArgument> Arguments, TextSpan Span)
    : CommandNode(Name, Span);

/// <summary>One argument of a <see cref="GenericCommandNode"/>: a word, a <c>name=value</c> option, or a subsearch.</summary>
public abstract record GenericArgument(TextSpan Span) : SyntaxNode(Span);

public sealed record GenericWordArgument(Word Word) : GenericArgument(Word.Span);

public sealed record GenericOptionArgument(CommandOption Option) : GenericArgument(Option.Span);

public sealed record GenericSubsearchArgument(Subsearch Subsearch) : GenericArgument(Subsearch.Span);
