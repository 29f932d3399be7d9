using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

internal sealed partial class Parser
{
    private JoinCommandNode ParseJoin(int start)
    {
        var (options, fields) = ReadOptionsAndFields(untilSubsearch: true);

        var subsearch = RequireSubsearch("join", firstIsCommand: false);
        return new JoinCommandNode(options, fields, subsearch, SpanFrom(start));
    }

    /// <summary>append/appendcols run a new search; appendpipe runs its commands over the current results, so its
    /// body starts with a command rather than search terms.</summary>
    private AppendCommandNode ParseAppend(string name, int start)
    {
        var options = ReadOptions();
        var subsearch = RequireSubsearch(name, firstIsCommand: name == "appendpipe");
        return new AppendCommandNode(name, options, subsearch, SpanFrom(start));
    }

    /// <summary><c>foreach [options] fields [ template ]</c> (Search Reference, foreach): the template is parsed with
    /// placeholders such as <c>&lt;&lt;FIELD&gt;&gt;</c> read as parts of names, and kept as text for substitution.</summary>
    private static readonly HashSet<string> RenamedPlaceholderOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "fieldstr", "matchstr", "matchseg1", "matchseg2", "matchseg3", "itemstr",
    };

    private ForeachCommandNode ParseForeach(int start)
    {
        var (options, fields) = ReadOptionsAndFields(untilSubsearch: true);

        SkipTrivia();
        var bodyStart = position;
        var saved = allowPlaceholders;
        allowPlaceholders = true;
        var reported = diagnostics.Count;
        var body = RequireSubsearch("foreach", firstIsCommand: true);
        allowPlaceholders = saved;
        if (options.Any(o => RenamedPlaceholderOptions.Contains(o.Name)))
        {
            // A renamed placeholder (fieldstr=#f#) may be no name at all: the template can only be checked once it is
            // substituted, which the engine does, so what the parser found inside it is dropped here.
            diagnostics.RemoveRange(reported, diagnostics.Count - reported);
        }

        var bodyText = body.Span.Length >= 2 && position > bodyStart
            ? text[(body.Span.Start + 1)..Math.Max(body.Span.Start + 1, body.Span.End - (text[body.Span.End - 1] == ']' ? 1 : 0))].Trim()
            : "";
        if (fields.Count == 0)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), "foreach", "the fields to iterate over"));
        }

        return new ForeachCommandNode(options, fields, body, bodyText, SpanFrom(start));
    }

    private MapCommandNode ParseMap(int start)
    {
        var options = ReadOptions();
        Subsearch? subsearch = null;
        SkipTrivia();
        if (Current == '[')
        {
            subsearch = ParseSubsearch(firstIsCommand: false);
        }

        options.AddRange(ReadOptions());
        if (subsearch is null && options.Find("search") is null)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), "map", "search=\"...\" or a subsearch"));
        }

        return new MapCommandNode(options, subsearch, SpanFrom(start));
    }

    private ReturnCommandNode ParseReturn(int start)
    {
        var count = TryReadInteger();
        var items = new List<ReturnItem>();
        while (!AtCommandEnd)
        {
            var itemStart = position;
            if (TryChar('$'))
            {
                items.Add(new ReturnItem(null, ReadFieldWord(), true, SpanFrom(itemStart)));
            }
            else if (IsOptionAhead())
            {
                var option = ReadOption();
                var alias = new Word(option.Name, false, new TextSpan(option.Span.Start, option.Name.Length));
                items.Add(new ReturnItem(alias, option.Value, false, option.Span));
            }
            else
            {
                var field = ReadFieldWord();
                if (field.Text.Length == 0 && !field.IsQuoted)
                {
                    break;
                }

                items.Add(new ReturnItem(null, field, false, field.Span));
            }
        }

        return new ReturnCommandNode(count, items, SpanFrom(start));
    }

    private FormatCommandNode ParseFormat(int start)
    {
        var options = ReadOptions();
        var strings = new List<Word>();
        while (!AtCommandEnd && Current == '"')
        {
            strings.Add(ReadQuoted());
        }

        options.AddRange(ReadOptions());
        return new FormatCommandNode(options, strings, SpanFrom(start));
    }
}
