using System.Text;
using Ferret.Spl.Syntax;

namespace Ferret.Spl;

public static partial class SplPrinter
{
    private static void AppendCommand(StringBuilder builder, CommandNode command)
    {
        if (command is SearchCommandNode { IsImplicit: true } implicitSearch)
        {
            if (implicitSearch.Query is not null)
            {
                AppendSearch(builder, implicitSearch.Query, 0);
            }

            return;
        }

        builder.Append(command.Name);
        switch (command)
        {
            case SearchCommandNode search when search.Query is not null:
                builder.Append(' ');
                AppendSearch(builder, search.Query, 0);
                break;
            case WhereCommandNode where:
                builder.Append(' ');
                AppendExpression(builder, where.Condition, 0);
                break;
            case EvalCommandNode eval:
                for (var i = 0; i < eval.Assignments.Count; i++)
                {
                    builder.Append(i == 0 ? " " : ", ");
                    AppendWord(builder, eval.Assignments[i].Field);
                    builder.Append('=');
                    AppendExpression(builder, eval.Assignments[i].Value, 0);
                }

                break;
            case RegexCommandNode regex:
                builder.Append(' ');
                if (regex.Field is not null)
                {
                    AppendWord(builder, regex.Field);
                    builder.Append(regex.IsNegated ? "!=" : "=");
                }

                AppendWord(builder, regex.Pattern);
                break;
            case DedupCommandNode dedup:
                AppendCount(builder, dedup.Count);
                AppendWords(builder, dedup.Fields);
                AppendOptions(builder, dedup.Options);
                if (dedup.SortBy.Count > 0)
                {
                    builder.Append(" sortby");
                    AppendSortKeys(builder, dedup.SortBy);
                }

                break;
            case HeadCommandNode head:
                AppendCount(builder, head.Count);
                if (head.Condition is not null)
                {
                    builder.Append(" (");
                    AppendExpression(builder, head.Condition, 0);
                    builder.Append(')');
                }

                AppendOptions(builder, head.Options);
                break;
            case SortCommandNode sort:
                AppendCount(builder, sort.Limit);
                AppendSortKeys(builder, sort.Keys);
                if (sort.IsReversed)
                {
                    builder.Append(" desc");
                }

                break;
            default:
                AppendFieldCommand(builder, command);
                break;
        }
    }

    private static void AppendCount(StringBuilder builder, int? count)
    {
        if (count is not null)
        {
            builder.Append(' ').Append(count.Value);
        }
    }

    private static void AppendSortKeys(StringBuilder builder, IReadOnlyList<SortKey> keys)
    {
        foreach (var key in keys)
        {
            builder.Append(' ');
            if (key.IsDescending)
            {
                builder.Append('-');
            }

            if (key.Comparison is not null)
            {
                builder.Append(key.Comparison).Append('(');
                AppendWord(builder, key.Field);
                builder.Append(')');
            }
            else
            {
                AppendWord(builder, key.Field);
            }
        }
    }

    private static void AppendAggregations(StringBuilder builder, IReadOnlyList<Aggregation> aggregations)
    {
        foreach (var aggregation in aggregations)
        {
            builder.Append(' ');
            AppendAggregationCall(builder, aggregation);
            if (aggregation.Alias is not null)
            {
                builder.Append(" AS ");
                AppendWord(builder, aggregation.Alias);
            }
        }
    }

    private static void AppendAggregationCall(StringBuilder builder, Aggregation aggregation)
    {
        builder.Append(aggregation.Function);
        if (aggregation.Arguments.Count == 0)
        {
            return;
        }

        builder.Append('(');
        for (var i = 0; i < aggregation.Arguments.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            switch (aggregation.Arguments[i])
            {
                case FieldExpression { IsQuoted: true } quoted:
                    AppendQuoted(builder, quoted.Name);
                    break;
                case FieldExpression field:
                    builder.Append(field.Name);
                    break;
                case var other:
                    AppendExpression(builder, other, 0);
                    break;
            }
        }

        builder.Append(')');
    }

    private static void AppendBy(StringBuilder builder, IReadOnlyList<Word> fields)
    {
        if (fields.Count > 0)
        {
            builder.Append(" BY");
            AppendWords(builder, fields);
        }
    }
}
