using System.Text.RegularExpressions;
using Ferret.Engine.Execution;
using Ferret.Engine.Functions;
using Ferret.Engine.Operators;
using Ferret.Engine.Text;
using Ferret.Engine.Time;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

public sealed partial class Planner
{
    private EvalOperator BindEval(EvalCommandNode eval)
    {
        var assignments = new List<(string, Evaluator)>();
        foreach (var assignment in eval.Assignments)
        {
            if (IsBooleanExpression(assignment.Value))
            {
                _bind.Report(DiagnosticFacts.BooleanEvalResult(assignment.Value.Span, assignment.Field.Text));
            }

            assignments.Add((assignment.Field.Text, _expressions.Compile(assignment.Value)));
        }

        return new EvalOperator(assignments);
    }

    private static bool IsBooleanExpression(Expression expression) => expression switch
    {
        UnaryExpression { Operator: UnaryOperator.Not } => true,
        BinaryExpression b => b.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less
            or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual or BinaryOperator.Like
            or BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Xor,
        FunctionCall call => call.Name is "like" or "match" or "cidrmatch" or "isnull" or "isnotnull" or "isnum" or "isstr"
            or "isint" or "isbool" or "searchmatch" or "in" or "true" or "false" or "json_valid",
        _ => false,
    };

    private Operator? BindRex(RexCommandNode rex)
    {
        CheckOptions("rex", rex.Options, "field", "max_match", "mode", "offset_field");
        if (rex.IsSedMode)
        {
            return BindSed(rex);
        }

        if (!PcreTranslator.TryTranslate(rex.Pattern.Text, out var pattern, out var error))
        {
            _bind.Report(DiagnosticFacts.InvalidRegex(rex.Pattern.Span, rex.Pattern.Text, error));
            return null;
        }

        return new RexOperator(rex.Field, pattern, Integer("rex", rex.Options, "max_match", 1), rex.Options.Find("offset_field")?.Value.Text);
    }

    /// <summary><c>rex mode=sed "s/re/replacement/flags"</c> (g = every match, N = the Nth) or <c>"y/abc/xyz/"</c>.</summary>
    private SedOperator? BindSed(RexCommandNode rex)
    {
        var text = rex.Pattern.Text;
        if (text.Length < 2 || (text[0] != 's' && text[0] != 'y'))
        {
            _bind.Report(DiagnosticFacts.InvalidOptionValue(rex.Pattern.Span, "rex", "mode=sed", text, "s/regex/replacement/[flags] or y/from/to/"));
            return null;
        }

        var separator = text[1];
        var parts = SplitSed(text[2..], separator);
        if (parts.Count < 2)
        {
            _bind.Report(DiagnosticFacts.InvalidOptionValue(rex.Pattern.Span, "rex", "mode=sed", text, "s/regex/replacement/[flags] or y/from/to/"));
            return null;
        }

        if (text[0] == 'y')
        {
            var from = parts[0];
            var to = parts[1];
            return new SedOperator(rex.Field, (value, _) => new string(value.Select(c => from.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 && i < to.Length ? to[i] : c).ToArray()));
        }

        if (!PcreTranslator.TryTranslate(parts[0], out var pattern, out var error))
        {
            _bind.Report(DiagnosticFacts.InvalidRegex(rex.Pattern.Span, parts[0], error));
            return null;
        }

        var flags = parts.Count > 2 ? parts[2] : string.Empty;
        var options = flags.Contains('i', StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None;
        var global = flags.Contains('g', StringComparison.Ordinal);
        var nth = int.TryParse(new string(flags.Where(char.IsAsciiDigit).ToArray()), out var n) ? n : 1;
        var replacement = FunctionLibrary.TranslateReplacement(parts[1].Replace("&", "\\0", StringComparison.Ordinal)).Replace("${0}", "$0", StringComparison.Ordinal);
        return new SedOperator(rex.Field, (value, run) =>
        {
            var regex = RegexCache.GetTranslated(pattern, options, run.Search.RegexTimeout);
            return run.Runtime.Guard(regex, () =>
            {
                if (global)
                {
                    return regex.Replace(value, replacement);
                }

                var count = 0;
                return regex.Replace(value, m => ++count == nth ? m.Result(replacement) : m.Value);
            }, value);
        });
    }

    private static List<string> SplitSed(string text, char separator)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == separator)
            {
                current.Append(separator);
                i++;
            }
            else if (text[i] == separator)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }

    private FilterOperator? BindRegex(RegexCommandNode regex)
    {
        if (!PcreTranslator.TryTranslate(regex.Pattern.Text, out var pattern, out var error))
        {
            _bind.Report(DiagnosticFacts.InvalidRegex(regex.Pattern.Span, regex.Pattern.Text, error));
            return null;
        }

        var field = regex.Field?.Text ?? "_raw";
        var negated = regex.IsNegated;
        return new FilterOperator("regex", (e, rt) =>
        {
            var compiled = RegexCache.GetTranslated(pattern, RegexOptions.None, rt.RegexTimeout);
            var value = e[field];
            var matched = false;
            foreach (var v in value.Values)
            {
                if (rt.IsMatch(compiled, v.ToString()))
                {
                    matched = true;
                    break;
                }
            }

            return negated ? !matched : matched;
        });
    }

    private static RenameOperator BindRename(RenameCommandNode rename) =>
        new(rename.Renames.Where(r => r.Alias is not null).Select(r => (new FieldNamePattern(r.Field.Text), r.Alias!.Text)).ToList());

    private FillnullOperator BindFillnull(FillnullCommandNode fillnull)
    {
        CheckOptions("fillnull", fillnull.Options, "value");
        return new FillnullOperator(fillnull.Options.Find("value")?.Value.Text ?? "0", fillnull.Fields.Select(f => f.Text).ToList());
    }

    private MvexpandOperator BindMvexpand(MvexpandCommandNode mvexpand)
    {
        CheckOptions("mvexpand", mvexpand.Options, "limit");
        var limit = Integer("mvexpand", mvexpand.Options, "limit", 0);
        return new MvexpandOperator(mvexpand.Field.Text, limit > 0 ? limit : null);
    }

    private MakemvOperator? BindMakemv(MakemvCommandNode makemv)
    {
        CheckOptions("makemv", makemv.Options, "delim", "tokenizer", "allowempty", "setsv");
        var tokenizer = makemv.Options.Find("tokenizer")?.Value.Text;
        string? translated = null;
        if (tokenizer is not null && !PcreTranslator.TryTranslate(tokenizer, out translated, out var error))
        {
            _bind.Report(DiagnosticFacts.InvalidRegex(makemv.Options.Find("tokenizer")!.Value.Span, tokenizer, error));
            return null;
        }

        return new MakemvOperator(makemv.Field.Text, makemv.Options.Find("delim")?.Value.Text, translated,
            Flag("makemv", makemv.Options, "allowempty", false), Flag("makemv", makemv.Options, "setsv", false));
    }

    private ConvertOperator BindConvert(ConvertCommandNode convert)
    {
        CheckOptions("convert", convert.Options, "timeformat");
        var conversions = new List<(string, FieldNamePattern, string?)>();
        foreach (var conversion in convert.Conversions)
        {
            if (!ConvertOperator.Functions.Contains(conversion.Function))
            {
                _bind.Report(DiagnosticFacts.UnknownConversion(conversion.Span, conversion.Function));
                continue;
            }

            conversions.Add((conversion.Function, new FieldNamePattern(conversion.Field.Text), conversion.Alias?.Text));
        }

        return new ConvertOperator(conversions, convert.Options.Find("timeformat")?.Value.Text ?? TimeFormat.ConvertDefault);
    }

    private Operator? BindBin(BinCommandNode bin)
    {
        CheckOptions(bin.Name, bin.Options, "span", "bins", "minspan", "start", "end", "aligntime");
        var target = bin.Alias?.Text ?? bin.Field.Text;
        if (Span(bin.Name, bin.Options) is { } span)
        {
            return new BinOperator(bin.Field.Text, target, span);
        }

        var bins = Integer(bin.Name, bin.Options, "bins", 100);
        return new BinByCountOperator(bin.Field.Text, target, bins);
    }

    private SpathOperator BindSpath(SpathCommandNode spath)
    {
        CheckOptions("spath", spath.Options, "input", "output", "path");
        return new SpathOperator(spath.Options.Find("input")?.Value.Text ?? "_raw", spath.EffectivePath, spath.Options.Find("output")?.Value.Text);
    }

    private Operator? BindFieldList(FieldListCommandNode list)
    {
        switch (list.Name)
        {
            case "xmlkv":
                CheckOptions("xmlkv", list.Options, "maxinputs");
                return new XmlkvOperator(list.Fields.Count > 0 ? list.Fields[0].Text : "_raw");
            case "fromjson":
                CheckOptions("fromjson", list.Options, "prefix");
                if (list.Fields.Count == 0)
                {
                    _bind.Report(DiagnosticFacts.MissingCommandArgument(list.Span, "fromjson", "a field holding JSON is required"));
                    return null;
                }

                return new FromjsonOperator(list.Fields[0].Text, list.Options.Find("prefix")?.Value.Text ?? string.Empty);
            case "addtotals":
                CheckOptions("addtotals", list.Options, "row", "col", "fieldname", "labelfield", "label");
                return new AddtotalsOperator(Flag("addtotals", list.Options, "row", true), Flag("addtotals", list.Options, "col", false),
                    list.Options.Find("fieldname")?.Value.Text ?? "Total", list.Options.Find("labelfield")?.Value.Text,
                    list.Options.Find("label")?.Value.Text ?? "Total", list.Fields.Select(f => new FieldNamePattern(f.Text)).ToList());
            case "nomv":
                return list.Fields.Count > 0 ? new NomvOperator(list.Fields[0].Text) : null;
            case "accum" or "delta":
                return BindRunning(list);
            case "mvcombine":
                CheckOptions("mvcombine", list.Options);
                if (list.Fields.Count != 1)
                {
                    _bind.Report(DiagnosticFacts.MissingCommandArgument(list.Span, "mvcombine", "exactly one field is required"));
                    return null;
                }

                return new MvcombineOperator(list.Fields[0].Text);
            case "iplocation":
                return BindIpLocation(list);
            default:
                return NotSupported(list, "Ferret does not implement this command");
        }
    }

    /// <summary><c>accum field [AS new]</c> and <c>delta field [AS new] [p=N]</c> (Search Reference, "accum", "delta").</summary>
    private Operator? BindRunning(FieldListCommandNode list)
    {
        var isDelta = list.Name == "delta";
        CheckOptions(list.Name, list.Options, isDelta ? ["p"] : []);
        var fields = list.Fields;
        var renamed = fields.Count == 3 && fields[1].Text.Equals("as", StringComparison.OrdinalIgnoreCase);
        if (fields.Count != 1 && !renamed)
        {
            _bind.Report(DiagnosticFacts.MissingCommandArgument(list.Span, list.Name, "one field, optionally followed by AS and a new name"));
            return null;
        }

        var field = fields[0].Text;
        if (!isDelta)
        {
            return new AccumOperator(field, renamed ? fields[2].Text : field);
        }

        var period = Integer("delta", list.Options, "p", 1);
        return new DeltaOperator(field, renamed ? fields[2].Text : $"delta({field})", Math.Max(period, 1));
    }

    private static ReplaceOperator BindReplace(ReplaceCommandNode replace) =>
        new(replace.Pairs.Select(p => (new FieldNamePattern(p.From.Text), p.To.Text)).ToList(),
            replace.Fields.Select(f => new FieldNamePattern(f.Text)).ToList());
}
