using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Syntax;

/// <summary>The leading search of a pipeline (<see cref="IsImplicit"/>) or the <c>search</c> command.
/// <see cref="Query"/> is null for an empty search (which matches everything).</summary>
public sealed record SearchCommandNode(SearchExpression? Query, bool IsImplicit, TextSpan Span) : CommandNode("search", Span);

/// <summary><c>where &lt;eval-expression&gt;</c>.</summary>
public sealed record WhereCommandNode(Expression Condition, TextSpan Span) : CommandNode("where", Span);

/// <summary><c>regex [field=|field!=]"pattern"</c>; <see cref="Field"/> null means <c>_raw</c>.</summary>
public sealed record RegexCommandNode(Word? Field, bool IsNegated, Word Pattern, TextSpan Span) : CommandNode("regex", Span);

/// <summary><c>dedup [N] field... [keepempty=] [consecutive=] [keepevents=] [sortby [+|-]field...]</c>.</summary>
public sealed record DedupCommandNode(
    int? Count, IReadOnlyList<CommandOption> Options, IReadOnlyList<Word> Fields, IReadOnlyList<SortKey> SortBy, TextSpan Span)
    : CommandNode("dedup", Span);

/// <summary><c>head [N | limit=N | (expr)]</c> and <c>tail [N]</c>.</summary>
public sealed record HeadCommandNode(
    string Name, int? Count, Expression? Condition, IReadOnlyList<CommandOption> Options, TextSpan Span)
    : CommandNode(Name, Span);
