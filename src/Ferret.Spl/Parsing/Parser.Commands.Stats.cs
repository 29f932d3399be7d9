using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

internal sealed partial class Parser
{
    private StatsCommandNode ParseStats(string name, int start)
    {
        var options = new List<CommandOption>();
        var aggregations = new List<Aggregation>();
        var byFields = new List<Word>();
        var inBy = false;
        while (!AtCommandEnd)
        {
            if (IsOptionAhead())
            {
                options.Add(ReadOption());
            }
            else if (TryKeyword("by") || inBy)
            {
                if (!ReadByFields(name, ref inBy, byFields))
                {
                    break;
                }
            }
            else if (TryChar(','))
            {
                continue;
            }
            else if (TryAggregation(name) is { } aggregation)
            {
                aggregations.Add(aggregation);
            }
            else
            {
                break;
            }
        }

        if (aggregations.Count == 0)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), name, "a statistical function such as count"));
        }

        return new StatsCommandNode(name, options, aggregations, byFields, SpanFrom(start));
    }

    /// <summary>One aggregation: <c>fn</c>, <c>fn(field)</c>, <c>fn(eval(expr))</c>, each with an optional <c>AS alias</c>.</summary>
    private Aggregation? TryAggregation(string command)
    {
        SkipTrivia();
        var start = position;
        var function = ReadBare(c => !IsNameChar(c));
        if (function.Text.Length == 0 || !char.IsAsciiLetter(function.Text[0]))
        {
            position = start;
            return null;
        }

        var arguments = new List<Expression>();
        if (Current == '(')
        {
            var open = position;
            position++;
            lastTokenEnd = position;
            while (true)
            {
                SkipTrivia();
                if (TryChar(')'))
                {
                    break;
                }

                if (AtCommandEnd)
                {
                    Report(DiagnosticFacts.UnbalancedParenthesis(new TextSpan(open, 1)));
                    break;
                }

                if (TryChar(','))
                {
                    continue;
                }

                arguments.Add(ReadAggregationArgument());
            }
        }

        var alias = ReadAlias(command);
        return new Aggregation(function.Text.ToLowerInvariant(), arguments, alias, SpanFrom(start));
    }

    /// <summary>A field (bare, quoted, wildcard) or <c>eval(expression)</c>.</summary>
    private Expression ReadAggregationArgument()
    {
        var start = position;
        if (IsKeywordAhead("eval"))
        {
            var saved = position;
            position += 4;
            SkipTrivia();
            if (Current == '(')
            {
                var arguments = ParseArgumentList();
                return new FunctionCall("eval", arguments, SpanFrom(start));
            }

            position = saved;
        }

        var field = Current == '"' ? ReadQuoted() : ReadBare(c => IsWhite(c) || c is ',' or ')' or '(' or '|' or ']' or '"');
        if (field.Text.Length == 0 && !field.IsQuoted)
        {
            Report(DiagnosticFacts.UnexpectedToken(new TextSpan(position, 1), Current.ToString(), "in the function's arguments"));
            position++;
            lastTokenEnd = position;
            return new MissingExpression(new TextSpan(start, 1));
        }

        return new FieldExpression(field.Text, field.IsQuoted, field.Span);
    }

    /// <summary><c>tstats [options] aggregations [from datamodel=M.D | from namespace] [where terms] [by fields] [span=]</c>
    /// (Search Reference, tstats); mstats has the same shape.</summary>
    private TstatsCommandNode ParseTstats(string name, int start)
    {
        var options = new List<CommandOption>();
        var aggregations = new List<Aggregation>();
        var byFields = new List<Word>();
        string? dataModel = null;
        Word? from = null;
        SearchExpression? where = null;
        var inBy = false;
        while (!AtCommandEnd)
        {
            if (IsOptionAhead())
            {
                options.Add(ReadOption());
            }
            else if (TryKeyword("from"))
            {
                SkipTrivia();
                if (string.Compare(text, position, "datamodel", 0, 9, StringComparison.OrdinalIgnoreCase) == 0
                    && PeekAt(9) is '=' or ':' or ' ' or '\t' or '\n' or '\r')
                {
                    position += "datamodel".Length;
                    SkipTrivia();
                    if (Current is '=' or ':')
                    {
                        position++;
                        SkipTrivia();
                    }

                    from = ReadOptionValue();
                    dataModel = from.Text;
                    if (dataModel.Length == 0)
                    {
                        Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), name, "the data model name after 'from datamodel='"));
                    }
                }
                else
                {
                    from = RequireWord(name, "what to read after 'from'");
                }
            }
            else if (TryKeyword("where"))
            {
                inBy = false;
                where = ParseSearchQuery(stopAtBy: true);
                if (where is null)
                {
                    Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), name, "search terms after 'where'"));
                }
            }
            else if (TryKeyword("by") || inBy)
            {
                // span= may sit between BY fields (by _time span=1h Processes.dest): the BY list goes on after it.
                if (!ReadByFields(name, ref inBy, byFields, "from", "where"))
                {
                    break;
                }
            }
            else if (TryChar(','))
            {
                continue;
            }
            else if (TryAggregation(name) is { } aggregation)
            {
                aggregations.Add(aggregation);
            }
            else
            {
                break;
            }
        }

        if (aggregations.Count == 0 && options.Find("prestats") is null)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), name, "a statistical function such as count"));
        }

        return new TstatsCommandNode(name, options, aggregations, dataModel, from, where, byFields, SpanFrom(start));
    }

    private ChartCommandNode ParseChart(string name, int start)
    {
        var options = new List<CommandOption>();
        var aggregations = new List<Aggregation>();
        var byFields = new List<Word>();
        Word? over = null;
        while (!AtCommandEnd)
        {
            if (IsOptionAhead())
            {
                options.Add(ReadOption());
            }
            else if (TryKeyword("by"))
            {
                byFields.AddRange(ReadFieldList());
            }
            else if (TryKeyword("over"))
            {
                over = RequireWord(name, "a field after 'over'");
            }
            else if (TryChar(','))
            {
                continue;
            }
            else if (TryAggregation(name) is { } aggregation)
            {
                aggregations.Add(aggregation);
            }
            else
            {
                break;
            }
        }

        return new ChartCommandNode(name, options, aggregations, over, byFields, SpanFrom(start));
    }

    private TopCommandNode ParseTop(string name, int start)
    {
        var options = new List<CommandOption>();
        var fields = new List<Word>();
        var byFields = new List<Word>();

        // "top 1 x": a leading integer is the limit (Search Reference, "top": top [<N>] [<top-options>] <field-list>).
        SkipTrivia();
        if (!AtCommandEnd && char.IsAsciiDigit(Current))
        {
            var limit = ReadFieldWord();
            options.Add(new CommandOption("limit", limit, limit.Span));
        }

        while (!AtCommandEnd)
        {
            options.AddRange(ReadOptions());
            if (TryKeyword("by"))
            {
                byFields.AddRange(ReadFieldList());
                continue;
            }

            var more = ReadFieldList("by");
            if (more.Count == 0 && !IsOptionAhead() && !IsKeywordAhead("by"))
            {
                break;
            }

            fields.AddRange(more);
        }

        if (fields.Count == 0)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), name, "at least one field"));
        }

        return new TopCommandNode(name, options, fields, byFields, SpanFrom(start));
    }

    private TransactionCommandNode ParseTransaction(int start)
    {
        var (options, fields) = ReadOptionsAndFields(untilSubsearch: false);

        return new TransactionCommandNode(options, fields, SpanFrom(start));
    }

    /// <summary>Reads BY fields up to an option or the end; false when the argument list ends here.</summary>
    private bool ReadByFields(string name, ref bool inBy, List<Word> byFields, params string[] stopKeywords)
    {
        var justOpened = !inBy;
        inBy = true;
        var more = ReadFieldList(stopKeywords);
        if (more.Count == 0 && justOpened && AtCommandEnd)
        {
            Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), name, "fields after BY"));
        }

        if (more.Count == 0 && !IsOptionAhead())
        {
            return false;
        }

        byFields.AddRange(more);
        return true;
    }
}
