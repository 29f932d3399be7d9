using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

/// <summary>Search terms. Precedence per the Search Manual ("Boolean expressions", order of evaluation for the
/// search command): parentheses, NOT, OR, then AND, whether AND is written or implied. The operators are upper case.</summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> TimeModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "earliest", "latest", "_index_earliest", "_index_latest", "starttime", "endtime", "starttimeu", "endtimeu",
    };

    private bool stopSearchAtBy;

    /// <summary>Search terms up to the end of the command (or a <c>by</c>, for tstats <c>where</c>); null when there are none.</summary>
    private SearchExpression? ParseSearchQuery(bool stopAtBy)
    {
        var saved = stopSearchAtBy;
        stopSearchAtBy = stopAtBy;
        var result = ParseSearchAnd();
        stopSearchAtBy = saved;
        return result;
    }

    private bool AtSearchEnd => AtCommandEnd || Current == ')' || (stopSearchAtBy && IsKeywordAhead("by"));

    private SearchExpression? ParseSearchAnd()
    {
        SkipTrivia();
        var start = position;
        var operands = new List<SearchExpression>();
        while (!AtSearchEnd)
        {
            if (Current == ']')
            {
                Report(DiagnosticFacts.UnexpectedToken(new TextSpan(position, 1), "]", "(no subsearch to close)"));
                position++;
                continue;
            }

            if (TryKeyword("AND", caseSensitive: true))
            {
                continue;
            }

            var before = position;
            var operand = ParseSearchOr();
            if (operand is not null)
            {
                operands.Add(operand);
            }
            else if (position == before)
            {
                break;
            }
        }

        return operands.Count switch
        {
            0 => null,
            1 => operands[0],
            _ => new SearchAnd(operands, SpanFrom(start)),
        };
    }

    private SearchExpression? ParseSearchOr()
    {
        var start = position;
        var first = ParseSearchUnary();
        if (first is null || !IsKeywordAhead("OR", caseSensitive: true))
        {
            return first;
        }

        var operands = new List<SearchExpression> { first };
        while (TryKeyword("OR", caseSensitive: true))
        {
            var next = AtSearchEnd ? null : ParseSearchUnary();
            if (next is null)
            {
                Report(DiagnosticFacts.ExpectedExpression(new TextSpan(lastTokenEnd, 0), "after OR"));
                break;
            }

            operands.Add(next);
        }

        return new SearchOr(operands, SpanFrom(start));
    }

    private SearchExpression? ParseSearchUnary()
    {
        SkipTrivia();
        var start = position;
        if (TryKeyword("NOT", caseSensitive: true))
        {
            if (!Enter())
            {
                SkipToCommandEnd();
                return null;
            }

            var operand = AtSearchEnd ? null : ParseSearchUnary();
            Leave();
            if (operand is null)
            {
                Report(DiagnosticFacts.ExpectedExpression(new TextSpan(lastTokenEnd, 0), "after NOT"));
                return null;
            }

            return new SearchNot(operand, SpanFrom(start));
        }

        return ParseSearchPrimary();
    }

    private SearchExpression? ParseSearchPrimary()
    {
        SkipTrivia();
        var start = position;
        switch (Current)
        {
            case '(':
                return ParseSearchGroup();
            case '[':
                var subsearch = ParseSubsearch(firstIsCommand: false);
                return new SearchSubsearch(subsearch.Pipeline, subsearch.Span);
            case '"':
                var phrase = ReadQuoted();
                if ((TryComparisonOperator() ?? TrySpacedComparisonOperator()) is { } quotedFieldComparison)
                {
                    // "DNS.reply_code"!="No Error", "result.message" = "*Paired*": a quoted field name (ESCU
                    // writes tstats where clauses and JSON field searches this way)
                    SkipTriviaBeforeValue();
                    var quotedValue = Current == '"' ? ReadQuoted() : ReadSearchWord(isValue: true);
                    return new SearchComparison(phrase, quotedFieldComparison, quotedValue, SpanFrom(start));
                }

                if (IsInListAhead())
                {
                    // "result.status" IN ("FAILURE,authFail", ...): a quoted field name before IN
                    return ParseSearchIn(phrase, start);
                }

                return new SearchPhrase(phrase.Text, phrase.Span);
            case ')' or ']' or '|':
                return null;
        }

        if (TryModifiedTerm(start) is { } modified)
        {
            return modified;
        }

        var field = ReadSearchWord(isValue: false);
        if (field.Text.Length == 0)
        {
            // A stray operator character such as '=' or '<': keep it as a term so nothing is lost.
            field = ReadBare(c => IsWhite(c) || c is '|' or '(' or ')' or '[' or ']' or '"');
            if (field.Text.Length == 0)
            {
                position++;
                lastTokenEnd = position;
                field = new Word(text[start..position], false, TextSpan.FromBounds(start, position));
            }

            return new SearchTerm(field.Text, null, field.Span);
        }

        if ((TryComparisonOperator() ?? TrySpacedComparisonOperator()) is { } comparison)
        {
            SkipTriviaBeforeValue();
            var value = Current == '"' ? ReadQuoted() : ReadSearchWord(isValue: true);
            if (comparison == ComparisonOperator.Equal && TimeModifiers.Contains(field.Text))
            {
                return new SearchTimeModifier(field.Text.ToLowerInvariant(), value, SpanFrom(start));
            }

            return new SearchComparison(field, comparison, value, SpanFrom(start));
        }

        if (IsInListAhead())
        {
            return ParseSearchIn(field, start);
        }

        return new SearchTerm(field.Text, null, field.Span);
    }

    private SearchExpression ParseSearchGroup()
    {
        var open = position;
        position++;
        lastTokenEnd = position;
        if (!Enter())
        {
            SkipToCommandEnd();
            return new SearchAnd([], SpanFrom(open));
        }

        var inner = ParseSearchQuery(stopAtBy: false);
        Leave();
        if (!TryChar(')'))
        {
            Report(DiagnosticFacts.UnbalancedParenthesis(new TextSpan(open, 1)));
        }

        if (inner is null)
        {
            Report(DiagnosticFacts.ExpectedExpression(SpanFrom(open), "inside the parentheses"));
            return new SearchAnd([], SpanFrom(open));
        }

        return inner;
    }

    /// <summary><c>TERM(x)</c> and <c>CASE(x)</c>: the content up to the closing parenthesis is one term.</summary>
    private SearchTerm? TryModifiedTerm(int start)
    {
        foreach (var modifier in (string[])["TERM", "CASE"])
        {
            if (string.Compare(text, position, modifier + "(", 0, modifier.Length + 1, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            var close = text.IndexOf(')', position + modifier.Length + 1);
            if (close < 0)
            {
                return null;
            }

            var content = text[(position + modifier.Length + 1)..close];
            position = close + 1;
            lastTokenEnd = position;
            return new SearchTerm(content, modifier, SpanFrom(start));
        }

        return null;
    }

    private bool IsSearchWordStop(char c) =>
        IsWhite(c) || c is '|' or '(' or ')' or '[' or ']' or '"' or '=' or '<' or '>'
        || (c == '!' && PeekNext() == '=');

    private char PeekNext() => PeekAt(1);

    private static bool IsSearchValueStop(char c) => IsWhite(c) || c is '|' or '(' or ')' or '[' or ']' or '"';

    private ComparisonOperator? TryComparisonOperator()
    {
        ComparisonOperator? result = (Current, PeekAt(1)) switch
        {
            ('!', '=') => ComparisonOperator.NotEqual,
            ('<', '=') => ComparisonOperator.LessOrEqual,
            ('>', '=') => ComparisonOperator.GreaterOrEqual,
            ('=', '=') => ComparisonOperator.Equal,
            ('=', _) => ComparisonOperator.Equal,
            ('<', _) => ComparisonOperator.Less,
            ('>', _) => ComparisonOperator.Greater,
            _ => null,
        };
        if (result is not null)
        {
            position += (Current, PeekAt(1)) is ('=', not '=') or ('<', not '=') or ('>', not '=') ? 1 : 2;
            lastTokenEnd = position;
        }

        return result;
    }

    /// <summary><c>risk &gt; 40</c>, <c>x = 1</c>: Splunk also reads a comparison written with spaces around the operator.</summary>
    private ComparisonOperator? TrySpacedComparisonOperator()
    {
        var saved = position;
        var savedEnd = lastTokenEnd;
        SkipTrivia();
        if (position > saved && Current is '=' or '<' or '>' or '!' && TryComparisonOperator() is { } comparison)
        {
            SkipTrivia();
            if (!AtCommandEnd && Current is not (')' or ']'))
            {
                return comparison;
            }
        }

        position = saved;
        lastTokenEnd = savedEnd;
        return null;
    }

    /// <summary><c>field= "value"</c>: white space after the operator still leads to the value (ESCU writes
    /// <c>Registry.registry_path= "*DSRM*"</c>); at the end of the query or a group the value stays empty.</summary>
    private void SkipTriviaBeforeValue()
    {
        var saved = position;
        SkipTrivia();
        if (AtCommandEnd || Current is ')' or ']')
        {
            position = saved;
        }
    }

    private bool IsInListAhead()
    {
        var saved = position;
        SkipTrivia();
        var isIn = IsKeywordAhead("IN");
        if (isIn)
        {
            position += 2;
            SkipTrivia();
            isIn = Current == '(';
        }

        position = saved;
        return isIn;
    }

    private SearchIn ParseSearchIn(Word field, int start)
    {
        TryKeyword("IN");
        var open = position;
        TryChar('(');
        var values = new List<Word>();
        while (true)
        {
            SkipTrivia();
            if (AtEnd || Current is ')' or '|' or ']')
            {
                break;
            }

            if (Current == ',')
            {
                position++;
                continue;
            }

            var value = Current == '"' ? ReadQuoted() : ReadBare(c => IsWhite(c) || c is ',' or ')' or '(' or '|' or '[' or ']' or '"');
            if (value.Text.Length == 0 && !value.IsQuoted)
            {
                Report(DiagnosticFacts.UnexpectedToken(new TextSpan(position, 1), Current.ToString(), "in the IN list"));
                position++;
                continue;
            }

            values.Add(value);
        }

        if (!TryChar(')'))
        {
            Report(DiagnosticFacts.UnbalancedParenthesis(new TextSpan(open, 1)));
        }

        return new SearchIn(field, values, SpanFrom(start));
    }
}
