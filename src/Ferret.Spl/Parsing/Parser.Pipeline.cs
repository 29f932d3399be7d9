using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

internal sealed partial class Parser
{
    /// <summary>Parses commands up to the end of the text or, in a subsearch, the closing <c>]</c>. With
    /// <paramref name="firstIsCommand"/> the first segment is a command without a leading pipe (appendpipe,
    /// foreach templates); otherwise it is an implicit search unless it starts with <c>|</c> or <c>search</c>.</summary>
    private Pipeline ParsePipeline(bool firstIsCommand)
    {
        SkipTrivia();
        var start = position;
        var commands = new List<CommandNode>();
        if (!AtPipelineEnd)
        {
            if (Current == '|')
            {
                position++;
                lastTokenEnd = position;
                commands.Add(ParseCommand());
            }
            else if (firstIsCommand || IsKeywordAhead("search") || (subsearchDepth > 0 && IsGeneratingCommandAhead()))
            {
                commands.Add(ParseCommand());
            }
            else
            {
                commands.Add(ParseImplicitSearch());
            }
        }

        while (!AtPipelineEnd)
        {
            if (Current == '|')
            {
                position++;
                lastTokenEnd = position;
                commands.Add(ParseCommand());
            }
            else if (Current == ']')
            {
                Report(DiagnosticFacts.UnexpectedToken(new TextSpan(position, 1), "]", "(no subsearch to close)"));
                position++;
            }
            else
            {
                ReportRestOfCommand("the pipeline");
            }
        }

        return new Pipeline(commands, SpanFrom(start));
    }

    private bool AtPipelineEnd
    {
        get
        {
            SkipTrivia();
            return AtEnd || (Current == ']' && subsearchDepth > 0);
        }
    }

    private bool IsGeneratingCommandAhead()
    {
        var i = position;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        return i > position && (i == text.Length || !IsNameChar(text[i]) && text[i] is not ('=' or '.' or '*'))
            && Tables.CommandTable.Find(text[position..i]) is { Kind: Tables.CommandKind.Generating };
    }

    private SearchCommandNode ParseImplicitSearch()
    {
        var start = position;
        var query = ParseSearchQuery(stopAtBy: false);
        ReportRestOfCommand("search");
        return new SearchCommandNode(query, true, SpanFrom(start));
    }

    /// <summary>Parses one command, starting at its name (after the pipe).</summary>
    private CommandNode ParseCommand()
    {
        SkipTrivia();
        var start = position;
        var name = ReadBare(c => !IsNameChar(c));
        if (name.Text.Length == 0 || !char.IsAsciiLetter(name.Text[0]))
        {
            var found = AtCommandEnd ? "" : Excerpt(start, Math.Min(text.Length, start + 20));
            Report(DiagnosticFacts.ExpectedCommandName(new TextSpan(start, Math.Max(1, name.Text.Length)), found.Trim()));
            SkipToCommandEnd();
            return new GenericCommandNode(name.Text.ToLowerInvariant(), [], SpanFrom(start));
        }

        var commandName = name.Text.ToLowerInvariant();
        var node = CommandParsers.TryGetValue(commandName, out var parse) ? parse(this, commandName, start)
            : Tables.CommandTable.Find(commandName) is { HasTypedGrammar: false } ? ParseOptionsAndWords(commandName, start)
            : ParseGeneric(commandName, start);
        ReportRestOfCommand(commandName);
        return node;
    }

    /// <summary>An unknown command: name and arguments kept as words, options and subsearches.</summary>
    private GenericCommandNode ParseGeneric(string name, int start)
    {
        var arguments = new List<GenericArgument>();
        while (!AtCommandEnd)
        {
            if (Current == '[')
            {
                arguments.Add(new GenericSubsearchArgument(ParseSubsearch(firstIsCommand: false)));
            }
            else if (IsOptionAhead())
            {
                arguments.Add(new GenericOptionArgument(ReadOption()));
            }
            else if (Current == '"')
            {
                arguments.Add(new GenericWordArgument(ReadQuoted()));
            }
            else if (Current == ']')
            {
                break;
            }
            else
            {
                var word = ReadBare(c => IsWhite(c) || c is '|' or '[' or ']' or '"');
                if (word.Text.Length == 0)
                {
                    position++;
                    lastTokenEnd = position;
                    word = new Word(text[(position - 1)..position], false, new TextSpan(position - 1, 1));
                }

                arguments.Add(new GenericWordArgument(word));
            }
        }

        return new GenericCommandNode(name, arguments, SpanFrom(start));
    }

    /// <summary>Parses <c>[ pipeline ]</c> at the current <c>[</c>.</summary>
    private Subsearch ParseSubsearch(bool firstIsCommand)
    {
        SkipTrivia();
        var start = position;
        position++;
        lastTokenEnd = position;
        if (!Enter())
        {
            SkipToMatchingBracket(start);
            return new Subsearch(new Pipeline([], SpanFrom(start)), SpanFrom(start));
        }

        subsearchDepth++;
        var pipeline = ParsePipeline(firstIsCommand);
        subsearchDepth--;
        Leave();
        if (!TryChar(']'))
        {
            Report(DiagnosticFacts.UnbalancedBracket(new TextSpan(start, 1)));
        }

        return new Subsearch(pipeline, SpanFrom(start));
    }

    private void SkipToMatchingBracket(int openAt)
    {
        var depth = 1;
        while (position < text.Length && depth > 0)
        {
            if (text[position] == '"')
            {
                ReadQuoted();
                continue;
            }

            depth += text[position] switch { '[' => 1, ']' => -1, _ => 0 };
            position++;
        }

        lastTokenEnd = position;
        if (depth > 0)
        {
            Report(DiagnosticFacts.UnbalancedBracket(new TextSpan(openAt, 1)));
        }
    }
}
