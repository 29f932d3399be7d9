using System.Text;
using Ferret.Spl.Syntax;

namespace Ferret.Spl;

public static partial class SplPrinter
{
    private static void AppendOtherCommand(StringBuilder builder, CommandNode command)
    {
        switch (command)
        {
            case LookupCommandNode lookup:
                AppendOptions(builder, lookup.Options);
                AppendWords(builder, [lookup.Table]);
                AppendFieldAliases(builder, lookup.InputFields, ", ");
                if (lookup.OutputMode != LookupOutputMode.All)
                {
                    builder.Append(lookup.OutputMode == LookupOutputMode.OutputNew ? " OUTPUTNEW" : " OUTPUT");
                    AppendFieldAliases(builder, lookup.OutputFields, ", ");
                }

                break;
            case InputlookupCommandNode inputlookup:
                AppendOptions(builder, inputlookup.Options);
                AppendWords(builder, [inputlookup.Table]);
                if (inputlookup.Where is not null)
                {
                    builder.Append(" WHERE ");
                    AppendSearch(builder, inputlookup.Where, 0);
                }

                break;
            case OutputlookupCommandNode outputlookup:
                AppendOptions(builder, outputlookup.Options);
                AppendWords(builder, [outputlookup.Table]);
                break;
            case JoinCommandNode join:
                AppendOptions(builder, join.Options);
                AppendWords(builder, join.Fields);
                builder.Append(' ');
                AppendSubsearch(builder, join.Subsearch, firstIsCommand: false);
                break;
            case AppendCommandNode append:
                AppendOptions(builder, append.Options);
                builder.Append(' ');
                AppendSubsearch(builder, append.Subsearch, firstIsCommand: append.Name == "appendpipe");
                break;
            case ForeachCommandNode @foreach:
                AppendOptions(builder, @foreach.Options);
                AppendWords(builder, @foreach.Fields);
                builder.Append(' ');
                AppendSubsearch(builder, @foreach.Body, firstIsCommand: true);
                break;
            case MapCommandNode map:
                if (map.Subsearch is not null)
                {
                    builder.Append(' ');
                    AppendSubsearch(builder, map.Subsearch, firstIsCommand: false);
                }

                AppendOptions(builder, map.Options);
                break;
            case ReturnCommandNode @return:
                AppendCount(builder, @return.Count);
                foreach (var item in @return.Items)
                {
                    builder.Append(' ');
                    if (item.IsValueOnly)
                    {
                        builder.Append('$');
                    }
                    else if (item.Alias is not null)
                    {
                        AppendWord(builder, item.Alias);
                        builder.Append('=');
                    }

                    AppendWord(builder, item.Field);
                }

                break;
            case FormatCommandNode format:
                AppendOptions(builder, format.Options);
                AppendWords(builder, format.Strings);
                break;
            case MakeresultsCommandNode makeresults:
                AppendOptions(builder, makeresults.Options);
                break;
            case FromCommandNode from:
                builder.Append(' ').Append(from.Dataset.Text);
                break;
            case DatamodelCommandNode datamodel:
                foreach (var word in new[] { datamodel.Model, datamodel.Dataset, datamodel.Mode })
                {
                    if (word is not null)
                    {
                        AppendWords(builder, [word]);
                    }
                }

                AppendOptions(builder, datamodel.Options);
                break;
            case RestCommandNode rest:
                AppendWords(builder, [rest.Endpoint]);
                AppendOptions(builder, rest.Options);
                break;
            case OptionsCommandNode options:
                AppendWords(builder, options.Words);
                AppendOptions(builder, options.Options);
                break;
            case GenericCommandNode generic:
                AppendGenericArguments(builder, generic.Arguments);
                break;
        }
    }

    private static void AppendGenericArguments(StringBuilder builder, IReadOnlyList<GenericArgument> arguments)
    {
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case GenericWordArgument word:
                    AppendWords(builder, [word.Word]);
                    break;
                case GenericOptionArgument option:
                    AppendOptions(builder, [option.Option]);
                    break;
                case GenericSubsearchArgument subsearch:
                    builder.Append(' ');
                    AppendSubsearch(builder, subsearch.Subsearch, firstIsCommand: false);
                    break;
            }
        }
    }
}
