using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

internal sealed partial class Parser
{
    private MakeresultsCommandNode ParseMakeresults(int start) => new(ReadOptions(), SpanFrom(start));

    private FromCommandNode ParseFrom(int start)
    {
        SkipTrivia();
        var datasetStart = position;
        while (!AtEnd && !IsWhite(Current) && Current is not ('|' or ']'))
        {
            if (Current == '"')
            {
                ReadQuoted();
            }
            else
            {
                position++;
            }
        }

        lastTokenEnd = Math.Max(lastTokenEnd, position);
        var datasetText = text[datasetStart..position];
        if (!datasetText.Contains(':', StringComparison.Ordinal) && datasetText.Length > 0 && !AtCommandEnd && !IsOptionAhead())
        {
            // "from datamodel Web.Web": the type and the name as two words, which Splunk also accepts.
            var name = ReadFieldWord();
            datasetText = datasetText + ":" + name.Text;
        }

        var dataset = new Word(datasetText, false, TextSpan.FromBounds(datasetStart, position));
        if (dataset.Text.Length == 0)
        {
            Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), "from", "a dataset such as datamodel:Endpoint.Processes"));
        }

        return new FromCommandNode(dataset, SpanFrom(start));
    }

    private DatamodelCommandNode ParseDatamodel(int start)
    {
        var options = ReadOptions();
        var words = new List<Word>();
        while (!AtCommandEnd && words.Count < 3 && !IsOptionAhead())
        {
            var word = ReadFieldWord();
            if (word.Text.Length == 0)
            {
                break;
            }

            words.Add(word);
        }

        options.AddRange(ReadOptions());
        Word? model = words.Count > 0 ? words[0] : null;
        Word? dataset = words.Count > 1 ? words[1] : null;
        Word? mode = words.Count > 2 ? words[2] : null;
        return new DatamodelCommandNode(options, model, dataset, mode, SpanFrom(start));
    }

    private RestCommandNode ParseRest(int start)
    {
        var options = ReadOptions();
        SkipTrivia();
        var endpoint = Current == '"' ? ReadQuoted() : ReadBare(c => IsWhite(c) || c is '|' or ']');
        if (endpoint.Text.Length == 0)
        {
            Report(DiagnosticFacts.MissingArgument(new TextSpan(position, 0), "rest", "the REST endpoint"));
        }

        options.AddRange(ReadOptions());
        return new RestCommandNode(endpoint, options, SpanFrom(start));
    }
}
