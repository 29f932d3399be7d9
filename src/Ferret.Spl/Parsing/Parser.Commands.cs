using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

internal sealed partial class Parser
{
    private delegate CommandNode CommandParser(Parser parser, string name, int start);

    /// <summary>The commands with a grammar of their own: exactly those <see cref="Tables.CommandTable"/> declares with
    /// <see cref="Tables.CommandInfo.HasTypedGrammar"/> (a test checks). A declared command without one parses as options and
    /// words; any other name as a <see cref="GenericCommandNode"/>.</summary>
    internal static readonly IReadOnlyDictionary<string, Func<Parser, string, int, CommandNode>> CommandParsers =
        new Dictionary<string, Func<Parser, string, int, CommandNode>>(StringComparer.Ordinal)
        {
            ["search"] = (p, _, s) => p.ParseSearchCommand(s),
            ["where"] = (p, _, s) => p.ParseWhere(s),
            ["eval"] = (p, _, s) => p.ParseEval(s),
            ["regex"] = (p, _, s) => p.ParseRegex(s),
            ["dedup"] = (p, _, s) => p.ParseDedup(s),
            ["head"] = (p, n, s) => p.ParseHead(n, s),
            ["tail"] = (p, n, s) => p.ParseHead(n, s),
            ["rename"] = (p, _, s) => p.ParseRename(s),
            ["table"] = (p, _, s) => p.ParseTable(s),
            ["fields"] = (p, _, s) => p.ParseFields(s),
            ["rex"] = (p, _, s) => p.ParseRex(s),
            ["fillnull"] = (p, _, s) => p.ParseFillnull(s),
            ["mvexpand"] = (p, _, s) => p.ParseMvexpand(s),
            ["makemv"] = (p, _, s) => p.ParseMakemv(s),
            ["convert"] = (p, _, s) => p.ParseConvert(s),
            ["bin"] = (p, n, s) => p.ParseBin(n, s),
            ["bucket"] = (p, n, s) => p.ParseBin(n, s),
            ["spath"] = (p, _, s) => p.ParseSpath(s),
            ["xmlkv"] = (p, n, s) => p.ParseFieldList(n, s),
            ["fromjson"] = (p, n, s) => p.ParseFieldList(n, s),
            ["iplocation"] = (p, n, s) => p.ParseFieldList(n, s),
            ["addtotals"] = (p, n, s) => p.ParseFieldList(n, s),
            ["nomv"] = (p, n, s) => p.ParseFieldList(n, s),
            ["accum"] = (p, n, s) => p.ParseFieldList(n, s),
            ["delta"] = (p, n, s) => p.ParseFieldList(n, s),
            ["mvcombine"] = (p, n, s) => p.ParseFieldList(n, s),
            ["replace"] = (p, _, s) => p.ParseReplace(s),
            ["stats"] = (p, n, s) => p.ParseStats(n, s),
            ["eventstats"] = (p, n, s) => p.ParseStats(n, s),
            ["streamstats"] = (p, n, s) => p.ParseStats(n, s),
            ["tstats"] = (p, n, s) => p.ParseTstats(n, s),
            ["mstats"] = (p, n, s) => p.ParseTstats(n, s),
            ["timechart"] = (p, n, s) => p.ParseChart(n, s),
            ["chart"] = (p, n, s) => p.ParseChart(n, s),
            ["top"] = (p, n, s) => p.ParseTop(n, s),
            ["rare"] = (p, n, s) => p.ParseTop(n, s),
            ["transaction"] = (p, _, s) => p.ParseTransaction(s),
            ["sort"] = (p, _, s) => p.ParseSort(s),
            ["lookup"] = (p, _, s) => p.ParseLookup(s),
            ["inputlookup"] = (p, _, s) => p.ParseInputlookup(s),
            ["outputlookup"] = (p, _, s) => p.ParseOutputlookup(s),
            ["join"] = (p, _, s) => p.ParseJoin(s),
            ["append"] = (p, n, s) => p.ParseAppend(n, s),
            ["appendcols"] = (p, n, s) => p.ParseAppend(n, s),
            ["appendpipe"] = (p, n, s) => p.ParseAppend(n, s),
            ["foreach"] = (p, _, s) => p.ParseForeach(s),
            ["map"] = (p, _, s) => p.ParseMap(s),
            ["return"] = (p, _, s) => p.ParseReturn(s),
            ["format"] = (p, _, s) => p.ParseFormat(s),
            ["makeresults"] = (p, _, s) => p.ParseMakeresults(s),
            ["from"] = (p, _, s) => p.ParseFrom(s),
            ["datamodel"] = (p, _, s) => p.ParseDatamodel(s),
            ["rest"] = (p, _, s) => p.ParseRest(s),
        };

    private List<CommandOption> ReadOptions()
    {
        var options = new List<CommandOption>();
        while (IsOptionAhead())
        {
            options.Add(ReadOption());
        }

        return options;
    }

    /// <summary>Fields separated by commas or white space, up to the command end, an option, one of
    /// <paramref name="stopKeywords"/>, or a character that cannot start a field.</summary>
    private List<Word> ReadFieldList(params string[] stopKeywords)
    {
        var fields = new List<Word>();
        while (!AtCommandEnd)
        {
            if (TryChar(','))
            {
                continue;
            }

            if (IsOptionAhead() || stopKeywords.Any(k => IsKeywordAhead(k)))
            {
                break;
            }

            var field = ReadFieldWord();
            if (field.Text.Length == 0 && !field.IsQuoted)
            {
                break;
            }

            fields.Add(field);
        }

        return fields;
    }

    private Word? ReadAlias(string command)
    {
        if (!TryKeyword("as"))
        {
            return null;
        }

        SkipTrivia();
        var alias = ReadFieldWord();
        if (alias.Text.Length == 0 && !alias.IsQuoted)
        {
            Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), command, "a field name after AS"));
        }

        return alias;
    }

    /// <summary>A required word (table name, field): reports when missing and returns an empty word.</summary>
    private Word RequireWord(string command, string what)
    {
        SkipTrivia();
        var word = AtCommandEnd ? new Word("", false, new TextSpan(position, 0)) : ReadFieldWord();
        if (word.Text.Length == 0 && !word.IsQuoted)
        {
            Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), command, what));
        }

        return word;
    }

    private Subsearch RequireSubsearch(string command, bool firstIsCommand)
    {
        SkipTrivia();
        if (Current == '[')
        {
            return ParseSubsearch(firstIsCommand);
        }

        Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), command, "a subsearch in [ ]"));
        return new Subsearch(new Pipeline([], new TextSpan(position, 0)), new TextSpan(position, 0));
    }

    /// <summary>Options and words in any order (apply, collect, fit...).</summary>
    private OptionsCommandNode ParseOptionsAndWords(string name, int start)
    {
        var options = new List<CommandOption>();
        var words = new List<Word>();
        while (!AtCommandEnd)
        {
            if (IsOptionAhead())
            {
                options.Add(ReadOption());
                continue;
            }

            var word = Current == '"' ? ReadQuoted() : ReadBare(c => IsWhite(c) || c is '|' or '[' or ']' or '"');
            if (word.Text.Length == 0 && !word.IsQuoted)
            {
                break;
            }

            words.Add(word);
        }

        return new OptionsCommandNode(name, options, words, SpanFrom(start));
    }
}
