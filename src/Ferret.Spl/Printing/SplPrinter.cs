using System.Text;
using Ferret.Spl.Syntax;

namespace Ferret.Spl;

/// <summary>Prints a syntax tree as canonical SPL: one space between tokens, upper-case keywords, options in a
/// fixed place. Parsing the printed text gives a tree that prints the same, which tests use to assert shapes.</summary>
public static partial class SplPrinter
{
    public static string Print(Pipeline pipeline)
    {
        var builder = new StringBuilder();
        AppendPipeline(builder, pipeline, firstIsCommand: false);
        return builder.ToString();
    }

    public static string Print(CommandNode command)
    {
        var builder = new StringBuilder();
        AppendCommand(builder, command);
        return builder.ToString();
    }

    public static string Print(Expression expression)
    {
        var builder = new StringBuilder();
        AppendExpression(builder, expression, 0);
        return builder.ToString();
    }

    public static string Print(SearchExpression expression)
    {
        var builder = new StringBuilder();
        AppendSearch(builder, expression, 0);
        return builder.ToString();
    }

    /// <summary>An aggregation as Splunk names its output field: <c>count</c>, <c>dc(user)</c>, <c>count(eval(x&gt;1))</c>.</summary>
    public static string PrintAggregationCall(Aggregation aggregation)
    {
        var builder = new StringBuilder();
        AppendAggregationCall(builder, aggregation);
        return builder.ToString();
    }

    private static void AppendPipeline(StringBuilder builder, Pipeline pipeline, bool firstIsCommand)
    {
        for (var i = 0; i < pipeline.Commands.Count; i++)
        {
            var command = pipeline.Commands[i];
            if (i > 0)
            {
                builder.Append(" | ");
            }
            else if (!firstIsCommand && command is not SearchCommandNode)
            {
                builder.Append("| ");
            }

            AppendCommand(builder, command);
        }
    }

    private static void AppendSubsearch(StringBuilder builder, Subsearch subsearch, bool firstIsCommand)
    {
        builder.Append('[');
        AppendPipeline(builder, subsearch.Pipeline, firstIsCommand);
        builder.Append(']');
    }

    private static void AppendWord(StringBuilder builder, Word word)
    {
        if (word.IsQuoted)
        {
            AppendQuoted(builder, word.Text);
        }
        else
        {
            builder.Append(word.Text);
        }
    }

    /// <summary>Quotes text so the parser reads it back unchanged: <c>"</c> becomes <c>\"</c>, and a backslash is
    /// doubled only where the parser would otherwise read it as an escape.</summary>
    private static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                builder.Append("\\\"");
            }
            else if (c == '\\' && (i + 1 == text.Length || text[i + 1] is '\\' or '"'))
            {
                builder.Append("\\\\");
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
    }

    private static void AppendOptions(StringBuilder builder, IEnumerable<CommandOption> options)
    {
        foreach (var option in options)
        {
            builder.Append(' ').Append(option.Name).Append('=');
            AppendWord(builder, option.Value);
        }
    }

    private static void AppendWords(StringBuilder builder, IEnumerable<Word> words, string separator = " ")
    {
        var first = true;
        foreach (var word in words)
        {
            builder.Append(first ? " " : separator);
            first = false;
            AppendWord(builder, word);
        }
    }

    private static void AppendFieldAliases(StringBuilder builder, IEnumerable<FieldAlias> fields, string separator)
    {
        var first = true;
        foreach (var field in fields)
        {
            builder.Append(first ? " " : separator);
            first = false;
            AppendWord(builder, field.Field);
            if (field.Alias is not null)
            {
                builder.Append(" AS ");
                AppendWord(builder, field.Alias);
            }
        }
    }
}
