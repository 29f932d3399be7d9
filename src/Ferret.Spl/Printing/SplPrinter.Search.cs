using System.Text;
using Ferret.Spl.Syntax;

namespace Ferret.Spl;

public static partial class SplPrinter
{
    // Binding strength in search: AND (0) < OR (1) < NOT (2) < primary (3); parentheses where a child binds looser.
    private static int SearchLevel(SearchExpression expression) => expression switch
    {
        SearchAnd => 0,
        SearchOr => 1,
        SearchNot => 2,
        _ => 3,
    };

    private static void AppendSearch(StringBuilder builder, SearchExpression expression, int minimumLevel)
    {
        var level = SearchLevel(expression);
        var parenthesize = level < minimumLevel || expression is SearchAnd { Operands.Count: 0 };
        if (parenthesize)
        {
            builder.Append('(');
        }

        switch (expression)
        {
            case SearchAnd and:
                for (var i = 0; i < and.Operands.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(' ');
                    }

                    // OR groups inside AND are printed in parentheses: the same tree, and clearer to read.
                    AppendSearch(builder, and.Operands[i], 2);
                }

                break;
            case SearchOr or:
                for (var i = 0; i < or.Operands.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(" OR ");
                    }

                    AppendSearch(builder, or.Operands[i], 2);
                }

                break;
            case SearchNot not:
                builder.Append("NOT ");
                AppendSearch(builder, not.Operand, 2);
                break;
            case SearchTerm { Modifier: { } modifier } term:
                builder.Append(modifier).Append('(').Append(term.Text).Append(')');
                break;
            case SearchTerm term:
                builder.Append(term.Text);
                break;
            case SearchPhrase phrase:
                AppendQuoted(builder, phrase.Text);
                break;
            case SearchComparison comparison:
                AppendWord(builder, comparison.Field);
                builder.Append(ComparisonText(comparison.Operator));
                AppendWord(builder, comparison.Value);
                break;
            case SearchTimeModifier modifier:
                builder.Append(modifier.Name).Append('=');
                AppendWord(builder, modifier.Value);
                break;
            case SearchIn @in:
                AppendWord(builder, @in.Field);
                builder.Append(" IN (");
                for (var i = 0; i < @in.Values.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    AppendWord(builder, @in.Values[i]);
                }

                builder.Append(')');
                break;
            case SearchSubsearch subsearch:
                builder.Append('[');
                AppendPipeline(builder, subsearch.Pipeline, firstIsCommand: false);
                builder.Append(']');
                break;
        }

        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    private static string ComparisonText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        _ => "=",
    };
}
