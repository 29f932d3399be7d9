using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Syntax;

/// <summary>One aggregation of stats/tstats/timechart/...: <c>count</c>, <c>dc(f)</c>, <c>values(f) AS g</c>,
/// <c>count(eval(x&gt;1))</c>, <c>perc95(f)</c>. <see cref="Function"/> is lower case; a field argument is a
/// <see cref="FieldExpression"/>, <c>eval(...)</c> is a <see cref="FunctionCall"/> named <c>eval</c>.</summary>
public sealed record Aggregation(string Function, IReadOnlyList<Expression> Arguments, Word? Alias, TextSpan Span) : SyntaxNode(Span)
{
    /// <summary>The output field name: the alias, else the function as Splunk names it (<c>count</c>, <c>dc(user)</c>).</summary>
    public string OutputName => Alias?.Text ?? SplPrinter.PrintAggregationCall(this);
}

/// <summary><c>stats</c>, <c>eventstats</c>, <c>streamstats</c>: options (e.g. <c>dc=</c>, <c>window=</c>, <c>allnum=</c>),
/// aggregations, and the <c>BY</c> fields.</summary>
public sealed record StatsCommandNode(
    string Name, IReadOnlyList<CommandOption> Options, IReadOnlyList<Aggregation> Aggregations, IReadOnlyList<Word> ByFields,
    TextSpan Span) : CommandNode(Name, Span);

/// <summary><c>tstats</c> (and <c>mstats</c>, same shape): options such as <c>summariesonly=</c>, <c>prestats=</c>,
/// <c>span=</c> (after BY too); aggregations; <c>from datamodel=Model.Dataset</c> (<see cref="DataModel"/> is
/// <c>Model.Dataset</c> or <c>Model</c>) or <c>from &lt;namespace&gt;</c> (<see cref="From"/>); <c>where</c>
/// search terms; <c>by</c> fields.</summary>
public sealed record TstatsCommandNode(
    string Name,
    IReadOnlyList<CommandOption> Options,
    IReadOnlyList<Aggregation> Aggregations,
    string? DataModel,
    Word? From,
    SearchExpression? Where,
    IReadOnlyList<Word> ByFields,
    TextSpan Span) : CommandNode(Name, Span);

/// <summary><c>timechart</c> and <c>chart</c>: options (<c>span=</c>, <c>limit=</c>, <c>useother=</c>...),
/// aggregations, <c>over</c> field (chart), and the split-by fields.</summary>
public sealed record ChartCommandNode(
    string Name, IReadOnlyList<CommandOption> Options, IReadOnlyList<Aggregation> Aggregations, Word? Over,
    IReadOnlyList<Word> ByFields, TextSpan Span) : CommandNode(Name, Span);

/// <summary><c>top</c> and <c>rare</c>: <c>[limit=N] [countfield=] [percentfield=] field... [by field...]</c>.</summary>
public sealed record TopCommandNode(
    string Name, IReadOnlyList<CommandOption> Options, IReadOnlyList<Word> Fields, IReadOnlyList<Word> ByFields, TextSpan Span)
    : CommandNode(Name, Span);

/// <summary><c>transaction [field...] [maxspan=] [maxpause=] [startswith=] [endswith=] [maxevents=] ...</c>.</summary>
public sealed record TransactionCommandNode(IReadOnlyList<CommandOption> Options, IReadOnlyList<Word> Fields, TextSpan Span)
    : CommandNode("transaction", Span);

/// <summary><c>sort [N] [limit=N] [+|-]field | num(f) | str(f) | ip(f) | auto(f) ... [desc]</c>.</summary>
public sealed record SortCommandNode(int? Limit, IReadOnlyList<SortKey> Keys, bool IsReversed, TextSpan Span) : CommandNode("sort", Span);

/// <summary>One sort key: field, direction, and the comparison (<c>num</c>, <c>str</c>, <c>ip</c>, <c>auto</c>) or null.</summary>
public sealed record SortKey(Word Field, bool IsDescending, string? Comparison, TextSpan Span) : SyntaxNode(Span);
