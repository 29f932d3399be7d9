using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

internal sealed partial class Parser
{
    /// <summary><c>lookup [local=] [update=] name field [AS f]... [OUTPUT|OUTPUTNEW field [AS f]...]</c> (Search Reference, lookup).</summary>
    private LookupCommandNode ParseLookup(int start)
    {
        var options = ReadOptions();
        var table = RequireWord("lookup", "the lookup name");
        var inputs = ReadFieldAliases("output", "outputnew");
        var mode = LookupOutputMode.All;
        IReadOnlyList<FieldAlias> outputs = [];
        if (TryKeyword("outputnew"))
        {
            mode = LookupOutputMode.OutputNew;
            outputs = ReadFieldAliases();
        }
        else if (TryKeyword("output"))
        {
            mode = LookupOutputMode.Output;
            outputs = ReadFieldAliases();
        }

        if (inputs.Count == 0)
        {
            Report(DiagnosticFacts.MissingArgument(SpanFrom(start), "lookup", "the field(s) to match"));
        }

        return new LookupCommandNode(options, table, inputs, mode, outputs, SpanFrom(start));
    }

    private List<FieldAlias> ReadFieldAliases(params string[] stopKeywords)
    {
        var fields = new List<FieldAlias>();
        while (!AtCommandEnd)
        {
            if (TryChar(','))
            {
                continue;
            }

            if (stopKeywords.Any(k => IsKeywordAhead(k)))
            {
                break;
            }

            var fieldStart = position;
            var field = ReadFieldWord();
            if (field.Text.Length == 0 && !field.IsQuoted)
            {
                break;
            }

            fields.Add(new FieldAlias(field, ReadAlias("lookup"), SpanFrom(fieldStart)));
        }

        return fields;
    }

    private InputlookupCommandNode ParseInputlookup(int start)
    {
        var options = ReadOptions();
        var table = RequireWord("inputlookup", "the lookup name");
        options.AddRange(ReadOptions());
        SearchExpression? where = null;
        if (TryKeyword("where"))
        {
            where = ParseSearchQuery(stopAtBy: false);
        }

        return new InputlookupCommandNode(options, table, where, SpanFrom(start));
    }

    private OutputlookupCommandNode ParseOutputlookup(int start)
    {
        var options = ReadOptions();
        var table = RequireWord("outputlookup", "the lookup name");
        options.AddRange(ReadOptions());
        return new OutputlookupCommandNode(options, table, SpanFrom(start));
    }
}
