using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

internal sealed partial class Parser
{
    private SearchCommandNode ParseSearchCommand(int start) =>
        new(ParseSearchQuery(stopAtBy: false), false, SpanFrom(start));

    private WhereCommandNode ParseWhere(int start)
    {
        if (AtCommandEnd)
        {
            Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), "where", "a condition"));
            return new WhereCommandNode(new MissingExpression(new TextSpan(position, 0)), SpanFrom(start));
        }

        return new WhereCommandNode(ParseExpression(), SpanFrom(start));
    }

    /// <summary><c>regex [field=|field!=]&lt;regex&gt;</c> (Search Reference, regex).</summary>
    private RegexCommandNode ParseRegex(int start)
    {
        SkipTrivia();
        Word? field = null;
        var negated = false;
        if (Current != '"')
        {
            var saved = position;
            var candidate = ReadBare(c => IsWhite(c) || c is '=' or '!' or '|' or '"');
            SkipTrivia();
            if (candidate.Text.Length > 0 && (Current == '=' || (Current == '!' && PeekAt(1) == '=')))
            {
                negated = Current == '!';
                position += negated ? 2 : 1;
                lastTokenEnd = position;
                field = candidate;
            }
            else
            {
                position = saved;
            }
        }

        SkipTrivia();
        var pattern = Current == '"' ? ReadQuoted() : ReadBare(c => IsWhite(c) || c == '|');
        if (pattern.Text.Length == 0 && !pattern.IsQuoted)
        {
            Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), "regex", "a regular expression"));
        }

        return new RegexCommandNode(field, negated, pattern, SpanFrom(start));
    }

    private DedupCommandNode ParseDedup(int start)
    {
        var count = TryReadInteger();
        var options = new List<CommandOption>();
        var fields = new List<Word>();
        var sortBy = new List<SortKey>();
        while (!AtCommandEnd)
        {
            if (IsOptionAhead())
            {
                options.Add(ReadOption());
            }
            else if (TryKeyword("sortby"))
            {
                sortBy.AddRange(ReadSortKeys("dedup"));
            }
            else
            {
                var more = ReadFieldList("sortby");
                if (more.Count == 0)
                {
                    break;
                }

                fields.AddRange(more);
            }
        }

        if (fields.Count == 0)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), "dedup", "at least one field"));
        }

        return new DedupCommandNode(count, options, fields, sortBy, SpanFrom(start));
    }

    private HeadCommandNode ParseHead(string name, int start)
    {
        var count = TryReadInteger();
        Expression? condition = null;
        var options = ReadOptions();
        if (count is null && !AtCommandEnd && name == "head")
        {
            condition = ParseExpression();
        }

        options.AddRange(ReadOptions());
        return new HeadCommandNode(name, count, condition, options, SpanFrom(start));
    }

    /// <summary>Sort keys: <c>[+|-]field</c> or <c>[+|-]num(field)</c> (also str, ip, auto), separated by commas or space.</summary>
    private List<SortKey> ReadSortKeys(string command)
    {
        var keys = new List<SortKey>();
        while (!AtCommandEnd && !IsOptionAhead() && !IsKeywordAhead("desc") && !IsKeywordAhead("d"))
        {
            if (TryChar(','))
            {
                continue;
            }

            var keyStart = position;
            var descending = false;
            if (Current is '-' or '+')
            {
                descending = Current == '-';
                position++;
                lastTokenEnd = position;
                SkipTrivia();
            }

            string? comparison = null;
            foreach (var function in (string[])["num", "str", "ip", "auto"])
            {
                if (string.Compare(text, position, function + "(", 0, function.Length + 1, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    comparison = function;
                    position += function.Length + 1;
                    break;
                }
            }

            var field = ReadFieldWord();
            if (comparison is not null && !TryChar(')'))
            {
                Report(DiagnosticFacts.UnbalancedParenthesis(new TextSpan(keyStart, 1)));
            }

            if (field.Text.Length == 0 && !field.IsQuoted)
            {
                Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), command, "a field to sort by"));
                break;
            }

            keys.Add(new SortKey(field, descending, comparison, SpanFrom(keyStart)));
        }

        return keys;
    }

    private SortCommandNode ParseSort(int start)
    {
        int? limit = TryReadInteger();
        var options = ReadOptions();
        if (options.Find("limit") is { } limitOption && int.TryParse(limitOption.Value.Text, out var parsed))
        {
            limit = parsed;
        }

        var keys = ReadSortKeys("sort");
        var reversed = TryKeyword("desc") || TryKeyword("d");
        if (keys.Count == 0)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), "sort", "a field to sort by"));
        }

        return new SortCommandNode(limit, keys, reversed, SpanFrom(start));
    }
}
