using System.Text;
using Ferret.Spl.Syntax;

namespace Ferret.Spl;

public static partial class SplPrinter
{
    private static void AppendFieldCommand(StringBuilder builder, CommandNode command)
    {
        switch (command)
        {
            case RenameCommandNode rename:
                AppendFieldAliases(builder, rename.Renames, ", ");
                break;
            case TableCommandNode table:
                AppendWords(builder, table.Fields);
                break;
            case FieldsCommandNode fields:
                builder.Append(fields.IsRemove ? " -" : "");
                AppendWords(builder, fields.Fields);
                break;
            case RexCommandNode rex:
                AppendOptions(builder, rex.Options);
                builder.Append(' ');
                AppendWord(builder, rex.Pattern);
                break;
            case FillnullCommandNode fillnull:
                AppendOptions(builder, fillnull.Options);
                AppendWords(builder, fillnull.Fields);
                break;
            case MvexpandCommandNode mvexpand:
                AppendWords(builder, [mvexpand.Field]);
                AppendOptions(builder, mvexpand.Options);
                break;
            case MakemvCommandNode makemv:
                AppendOptions(builder, makemv.Options);
                AppendWords(builder, [makemv.Field]);
                break;
            case ConvertCommandNode convert:
                AppendOptions(builder, convert.Options);
                foreach (var conversion in convert.Conversions)
                {
                    builder.Append(' ').Append(conversion.Function).Append('(');
                    AppendWord(builder, conversion.Field);
                    builder.Append(')');
                    AppendAlias(builder, conversion.Alias);
                }

                break;
            case BinCommandNode bin:
                AppendOptions(builder, bin.Options);
                AppendWords(builder, [bin.Field]);
                AppendAlias(builder, bin.Alias);
                break;
            case SpathCommandNode spath:
                AppendOptions(builder, spath.Options);
                if (spath.Path is not null)
                {
                    AppendWords(builder, [spath.Path]);
                }

                break;
            case FieldListCommandNode list:
                AppendOptions(builder, list.Options);
                AppendWords(builder, list.Fields);
                break;
            case ReplaceCommandNode replace:
                for (var i = 0; i < replace.Pairs.Count; i++)
                {
                    builder.Append(i == 0 ? " " : ", ");
                    AppendWord(builder, replace.Pairs[i].From);
                    builder.Append(" WITH ");
                    AppendWord(builder, replace.Pairs[i].To);
                }

                if (replace.Fields.Count > 0)
                {
                    builder.Append(" IN");
                    AppendWords(builder, replace.Fields);
                }

                break;
            default:
                AppendAggregatingCommand(builder, command);
                break;
        }
    }

    private static void AppendAlias(StringBuilder builder, Word? alias)
    {
        if (alias is not null)
        {
            builder.Append(" AS ");
            AppendWord(builder, alias);
        }
    }

    private static void AppendAggregatingCommand(StringBuilder builder, CommandNode command)
    {
        switch (command)
        {
            case StatsCommandNode stats:
                AppendOptions(builder, stats.Options);
                AppendAggregations(builder, stats.Aggregations);
                AppendBy(builder, stats.ByFields);
                break;
            case TstatsCommandNode tstats:
                AppendOptions(builder, tstats.Options.Where(o => !IsSpan(o)));
                AppendAggregations(builder, tstats.Aggregations);
                if (tstats.DataModel is not null)
                {
                    builder.Append(" FROM datamodel=").Append(tstats.DataModel);
                }
                else if (tstats.From is not null)
                {
                    builder.Append(" FROM");
                    AppendWords(builder, [tstats.From]);
                }

                if (tstats.Where is not null)
                {
                    builder.Append(" WHERE ");
                    AppendSearch(builder, tstats.Where, 0);
                }

                AppendBy(builder, tstats.ByFields);
                AppendOptions(builder, tstats.Options.Where(IsSpan));
                break;
            case ChartCommandNode chart:
                AppendOptions(builder, chart.Options);
                AppendAggregations(builder, chart.Aggregations);
                if (chart.Over is not null)
                {
                    builder.Append(" OVER");
                    AppendWords(builder, [chart.Over]);
                }

                AppendBy(builder, chart.ByFields);
                break;
            case TopCommandNode top:
                AppendOptions(builder, top.Options);
                AppendWords(builder, top.Fields);
                AppendBy(builder, top.ByFields);
                break;
            case TransactionCommandNode transaction:
                AppendWords(builder, transaction.Fields);
                AppendOptions(builder, transaction.Options);
                break;
            default:
                AppendOtherCommand(builder, command);
                break;
        }
    }

    private static bool IsSpan(CommandOption option) => string.Equals(option.Name, "span", StringComparison.OrdinalIgnoreCase);
}
