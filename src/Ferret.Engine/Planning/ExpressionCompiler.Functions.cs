using Ferret.Engine.Functions;
using Ferret.Engine.Limits;
using Ferret.Engine.Values;
using Ferret.Events;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;
using Ferret.Spl.Tables;

namespace Ferret.Engine.Planning;

public sealed partial class ExpressionCompiler
{
    private Evaluator CompileCall(FunctionCall call)
    {
        var name = call.Name.ToLowerInvariant();
        var args = call.Arguments;
        if (FunctionTable.FindEval(name) is not { } declaration)
        {
            bind.Report(DiagnosticFacts.UnknownFunction(call.Span, call.Name, NameSuggestion.Closest(call.Name, FunctionTable.Eval.Select(f => f.Name))));
            return Constant(Value.Null);
        }

        if (!declaration.AcceptsArgumentCount(args.Count))
        {
            bind.Report(DiagnosticFacts.WrongArgumentCount(call.Span, name, declaration.MinArguments, declaration.MaxArguments ?? -1, args.Count));
            return Constant(Value.Null);
        }

        if (FunctionLibrary.SpecialForms.Contains(name))
        {
            return name switch
            {
                "if" => CompileIf(args),
                "case" => CompileCase(call),
                "coalesce" => CompileCoalesce(args),
                "validate" => CompileValidate(call),
                "searchmatch" => CompileSearchMatch(call),
                "mvmap" => CompileMvMap(call),
                "mvfilter" => CompileMvFilter(call),
                _ => Unsupported(call, "lookups in eval are not available; use the lookup command"),
            };
        }

        if (!FunctionLibrary.TryGet(name, out var spec))
        {
            return Unsupported(call, "Ferret does not implement it");
        }

        ValidateLiteralRegex(name, call);
        if (name == "sigfig")
        {
            return CompileSigfig(call);
        }

        if (name == "mvindex" && TryCompileSplitPiece(call) is { } piece)
        {
            return piece;
        }

        var compiled = args.Select(Compile).ToArray();
        var unlimited = spec.Invoke;
        var where = $"eval function '{name}'";
        EvalFunction invoke = (values, rt) => ValueLimits.Enforce(unlimited(values, rt), rt, where);
        return CallWith(compiled, invoke);
    }

    /// <summary>Evaluates the arguments into a buffer on the stack (an array only past
    /// <see cref="StackArguments"/>' length) and calls the function over them: a call per event per function in
    /// every eval chain and calculated field allocated its argument array before.</summary>
    private static Evaluator CallWith(Evaluator[] compiled, EvalFunction invoke)
    {
        switch (compiled.Length)
        {
            case 0:
                return (_, rt) => invoke([], rt);
            case 1:
                var only = compiled[0];
                return (e, rt) =>
                {
                    var value = only(e, rt);
                    return invoke(new ReadOnlySpan<Value>(in value), rt);
                };
            case <= StackArguments.Length:
                return (e, rt) =>
                {
                    var values = default(StackArguments);
                    Span<Value> span = values;
                    span = span[..compiled.Length];
                    for (var i = 0; i < compiled.Length; i++)
                    {
                        span[i] = compiled[i](e, rt);
                    }

                    return invoke(span, rt);
                };
            default:
                return (e, rt) =>
                {
                    var values = new Value[compiled.Length];
                    for (var i = 0; i < compiled.Length; i++)
                    {
                        values[i] = compiled[i](e, rt);
                    }

                    return invoke(values, rt);
                };
        }
    }

    /// <summary>Room for the arguments of a call on the stack.</summary>
    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct StackArguments
    {
        public const int Length = 8;

        private Value _first;
    }

    private void ValidateLiteralRegex(string name, FunctionCall call)
    {
        if (name is "match" or "replace" or "mvfind" && call.Arguments.Count >= 2 && call.Arguments[1] is StringLiteral pattern
            && !Text.PcreTranslator.TryTranslate(pattern.Value, out _, out var error))
        {
            bind.Report(DiagnosticFacts.InvalidRegex(pattern.Span, pattern.Value, error));
        }
    }

    private Evaluator Unsupported(FunctionCall call, string reason)
    {
        bind.Report(DiagnosticFacts.FunctionNotSupported(call.Span, call.Name, reason));
        return Constant(Value.Null);
    }

    private Evaluator CompileIf(IReadOnlyList<Expression> args)
    {
        var condition = Compile(args[0]);
        var then = Compile(args[1]);
        var otherwise = Compile(args[2]);
        return (e, rt) => FunctionLibrary.IsTrue(condition(e, rt)) ? then(e, rt) : otherwise(e, rt);
    }

    private Evaluator CompileCase(FunctionCall call)
    {
        if (call.Arguments.Count % 2 != 0)
        {
            bind.Report(DiagnosticFacts.WrongArgumentCount(call.Span, "case", 2, -1, call.Arguments.Count));
        }

        var pairs = new List<(Evaluator Condition, Evaluator Result)>();
        for (var i = 0; i + 1 < call.Arguments.Count; i += 2)
        {
            pairs.Add((Compile(call.Arguments[i]), Compile(call.Arguments[i + 1])));
        }

        var array = pairs.ToArray();
        return (e, rt) =>
        {
            foreach (var (condition, result) in array)
            {
                if (FunctionLibrary.IsTrue(condition(e, rt)))
                {
                    return result(e, rt);
                }
            }

            return Value.Null;
        };
    }

    private Evaluator CompileCoalesce(IReadOnlyList<Expression> args)
    {
        var compiled = args.Select(Compile).ToArray();
        return (e, rt) =>
        {
            foreach (var arg in compiled)
            {
                var value = arg(e, rt);
                if (!value.IsNull)
                {
                    return value;
                }
            }

            return Value.Null;
        };
    }

    private Evaluator CompileValidate(FunctionCall call)
    {
        var pairs = new List<(Evaluator Condition, Evaluator Message)>();
        for (var i = 0; i + 1 < call.Arguments.Count; i += 2)
        {
            pairs.Add((Compile(call.Arguments[i]), Compile(call.Arguments[i + 1])));
        }

        var array = pairs.ToArray();
        return (e, rt) =>
        {
            foreach (var (condition, message) in array)
            {
                if (!FunctionLibrary.IsTrue(condition(e, rt)))
                {
                    return message(e, rt);
                }
            }

            return Value.Null;
        };
    }

    private Evaluator CompileSearchMatch(FunctionCall call)
    {
        if (call.Arguments[0] is not StringLiteral literal)
        {
            return Unsupported(call, "searchmatch needs a literal search string");
        }

        var parsed = Spl.SplParser.ParseSearchExpression(literal.Value);
        bind.ReportAll(parsed.Diagnostics.Select(d => d.WithSpan(literal.Span)));
        var predicate = parsed.Expression is { } expression ? new SearchCompiler(bind).Compile(expression) : (_, _) => true;
        return (e, rt) => Value.Of(predicate(e, rt));
    }

    /// <summary>
    /// <c>mvmap(X, expr)</c>: evaluates expr once per value of X, with X bound to that value. X may be any multivalue
    /// expression (<c>mvmap(split(list, ","), list . "!")</c>): the field it names is bound to each of its values
    /// (Search Reference, "Multivalue eval functions", mvmap).
    /// </summary>
    private Evaluator CompileMvMap(FunctionCall call)
    {
        var body = Compile(call.Arguments[1]);
        if (call.Arguments[0] is FieldExpression field)
        {
            return (e, rt) => MapValues(e, rt, e[field.Name], field.Name, body, keepWhenTrue: false);
        }

        var source = Compile(call.Arguments[0]);
        var bound = FirstField(call.Arguments[0]);
        return (e, rt) => MapValues(e, rt, source(e, rt).Field, bound, body, keepWhenTrue: false);
    }

    /// <summary><c>mvfilter(expr)</c>: keeps the values of the one field expr names for which expr is true.</summary>
    private Evaluator CompileMvFilter(FunctionCall call)
    {
        var fieldName = FirstField(call.Arguments[0]);
        if (fieldName is null)
        {
            return Unsupported(call, "the expression of mvfilter must name a field");
        }

        var body = Compile(call.Arguments[0]);
        return (e, rt) => MapValues(e, rt, e[fieldName], fieldName, body, keepWhenTrue: true);
    }

    /// <summary>Evaluates body once per value, with <paramref name="field"/> (when there is one) bound to that value.</summary>
    private static Value MapValues(Event e, EvalRuntime rt, FieldValue values, string? field, Evaluator body, bool keepWhenTrue)
    {
        if (values.IsNull)
        {
            return Value.Null;
        }

        var scratch = e.Clone();
        var results = new List<Scalar>(values.Count);
        foreach (var value in values.Values)
        {
            if (field is not null)
            {
                scratch.Set(field, FieldValue.Of(value));
            }

            var result = body(scratch, rt);
            if (keepWhenTrue)
            {
                if (FunctionLibrary.IsTrue(result))
                {
                    results.Add(value);
                }
            }
            else
            {
                results.AddRange(result.Field.Values);
            }
        }

        return Value.Of(FieldValue.Multi(results));
    }

    private static string? FirstField(Expression expression) => expression switch
    {
        FieldExpression f => f.Name,
        UnaryExpression u => FirstField(u.Operand),
        BinaryExpression b => FirstField(b.Left) ?? FirstField(b.Right),
        FunctionCall c => c.Arguments.Select(FirstField).FirstOrDefault(n => n is not null),
        _ => null,
    };
}
