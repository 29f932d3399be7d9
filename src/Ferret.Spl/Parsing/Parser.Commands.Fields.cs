using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

internal sealed partial class Parser
{
    private EvalCommandNode ParseEval(int start)
    {
        var assignments = new List<EvalAssignment>();
        while (!AtCommandEnd)
        {
            var assignmentStart = position;
            var field = Current is '"' ? ReadQuoted()
                : Current == '\'' ? ToWord(ReadQuotedField())
                : ReadBare(c => IsWhite(c) || c is '=' or ',' or '|' or '(' or ')' or '"' or '[' or ']');
            if (field.Text.Length == 0 || !TryChar('='))
            {
                Report(DiagnosticFacts.InvalidArgument(new TextSpan(assignmentStart, Math.Max(1, position - assignmentStart)), "eval",
                    "expected 'field=expression'"));
                break;
            }

            var value = ParseExpression();
            assignments.Add(new EvalAssignment(field, value, SpanFrom(assignmentStart)));
            if (!TryChar(','))
            {
                break;
            }
        }

        if (assignments.Count == 0 && AtCommandEnd)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), "eval", "an assignment 'field=expression'"));
        }

        return new EvalCommandNode(assignments, SpanFrom(start));
    }

    private static Word ToWord(FieldExpression field) => new(field.Name, false, field.Span);

    private RenameCommandNode ParseRename(int start)
    {
        var renames = new List<FieldAlias>();
        while (!AtCommandEnd)
        {
            if (TryChar(','))
            {
                continue;
            }

            var pairStart = position;
            var from = ReadFieldWord();
            if (from.Text.Length == 0 && !from.IsQuoted)
            {
                break;
            }

            var to = ReadAlias("rename");
            if (to is null)
            {
                Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), "rename", $"'AS new_name' after '{from.Text}'"));
                break;
            }

            renames.Add(new FieldAlias(from, to, SpanFrom(pairStart)));
        }

        if (renames.Count == 0)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), "rename", "'field AS new_name'"));
        }

        return new RenameCommandNode(renames, SpanFrom(start));
    }

    private TableCommandNode ParseTable(int start) => new(ReadFieldList(), SpanFrom(start));

    private FieldsCommandNode ParseFields(int start)
    {
        SkipTrivia();
        var remove = false;
        if (Current is '-' or '+' && (IsWhite(PeekAt(1)) || PeekAt(1) is '\0'))
        {
            remove = Current == '-';
            position++;
            lastTokenEnd = position;
        }

        var fields = ReadFieldList();
        if (fields.Count == 0)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), "fields", "at least one field"));
        }

        return new FieldsCommandNode(remove, fields, SpanFrom(start));
    }

    private RexCommandNode ParseRex(int start)
    {
        var options = new List<CommandOption>();
        Word? pattern = null;
        while (!AtCommandEnd)
        {
            if (IsOptionAhead())
            {
                options.Add(ReadOption());
            }
            else if (Current == '"' && pattern is null)
            {
                pattern = ReadQuoted();
            }
            else
            {
                break;
            }
        }

        if (pattern is null)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), "rex", "a quoted regular expression"));
        }

        return new RexCommandNode(options, pattern ?? new Word("", true, new TextSpan(position, 0)), SpanFrom(start));
    }

    private FillnullCommandNode ParseFillnull(int start)
    {
        var options = ReadOptions();
        var fields = ReadFieldList();
        options.AddRange(ReadOptions());
        return new FillnullCommandNode(options, fields, SpanFrom(start));
    }

    private MvexpandCommandNode ParseMvexpand(int start)
    {
        var options = ReadOptions();
        var field = RequireWord("mvexpand", "the field to expand");
        options.AddRange(ReadOptions());
        return new MvexpandCommandNode(field, options, SpanFrom(start));
    }

    private MakemvCommandNode ParseMakemv(int start)
    {
        var options = ReadOptions();
        var field = RequireWord("makemv", "the field to split");
        options.AddRange(ReadOptions());
        return new MakemvCommandNode(options, field, SpanFrom(start));
    }

    private ConvertCommandNode ParseConvert(int start)
    {
        var options = ReadOptions();
        var conversions = new List<Conversion>();
        while (!AtCommandEnd)
        {
            if (TryChar(','))
            {
                continue;
            }

            var conversionStart = position;
            var function = ReadBare(c => !IsNameChar(c));
            if (function.Text.Length == 0 || !TryChar('('))
            {
                position = conversionStart;
                break;
            }

            SkipTrivia();
            var field = ReadFieldWord();
            if (!TryChar(')'))
            {
                Report(DiagnosticFacts.UnbalancedParenthesis(new TextSpan(conversionStart + function.Text.Length, 1)));
            }

            var alias = ReadAlias("convert");
            conversions.Add(new Conversion(function.Text.ToLowerInvariant(), field, alias, SpanFrom(conversionStart)));
        }

        if (conversions.Count == 0)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), "convert", "a conversion such as ctime(field)"));
        }

        return new ConvertCommandNode(options, conversions, SpanFrom(start));
    }

    private BinCommandNode ParseBin(string name, int start)
    {
        var options = ReadOptions();
        var field = RequireWord(name, "the field to bin");
        Word? alias = null;
        while (!AtCommandEnd)
        {
            // Options and AS may come in either order after the field: "bin _time span=5m as t".
            if (IsOptionAhead())
            {
                options.Add(ReadOption());
            }
            else if (alias is null && IsKeywordAhead("as"))
            {
                alias = ReadAlias(name);
            }
            else
            {
                break;
            }
        }

        return new BinCommandNode(name, options, field, alias, SpanFrom(start));
    }

    private SpathCommandNode ParseSpath(int start)
    {
        var options = ReadOptions();
        Word? path = null;
        if (!AtCommandEnd && !IsOptionAhead())
        {
            path = Current == '"' ? ReadQuoted() : ReadBare(c => IsWhite(c) || c is '|' or ']');
        }

        options.AddRange(ReadOptions());
        return new SpathCommandNode(options, path, SpanFrom(start));
    }

    /// <summary>Options and field names in any order, to the command's end or, for commands that end with a subsearch
    /// (join, foreach), to its <c>[</c>.</summary>
    private (List<CommandOption> Options, List<Word> Fields) ReadOptionsAndFields(bool untilSubsearch)
    {
        var options = new List<CommandOption>();
        var fields = new List<Word>();
        while (!AtCommandEnd && !(untilSubsearch && Current == '['))
        {
            options.AddRange(ReadOptions());
            var more = ReadFieldList();
            if (more.Count == 0 && !IsOptionAhead())
            {
                break;
            }

            fields.AddRange(more);
        }

        return (options, fields);
    }

    /// <summary>xmlkv, fromjson, iplocation, addtotals, nomv, accum, delta, mvcombine: options and fields in any order
    /// (accum and delta read <c>field AS new</c> as three words).</summary>
    private FieldListCommandNode ParseFieldList(string name, int start)
    {
        var (options, fields) = ReadOptionsAndFields(untilSubsearch: false);

        return new FieldListCommandNode(name, options, fields, SpanFrom(start));
    }

    private ReplaceCommandNode ParseReplace(int start)
    {
        var pairs = new List<ReplacePair>();
        while (!AtCommandEnd && !IsKeywordAhead("in"))
        {
            if (TryChar(','))
            {
                continue;
            }

            var pairStart = position;
            var from = ReadFieldWord();
            if (!TryKeyword("with"))
            {
                Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), "replace", "'WITH' and the replacement"));
                break;
            }

            SkipTrivia();
            var to = ReadFieldWord();
            pairs.Add(new ReplacePair(from, to, SpanFrom(pairStart)));
        }

        var fields = TryKeyword("in") ? ReadFieldList() : [];
        return new ReplaceCommandNode(pairs, fields, SpanFrom(start));
    }
}
