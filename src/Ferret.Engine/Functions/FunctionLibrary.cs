using Ferret.Engine.Values;
using Ferret.Events;
using Ferret.Spl.Tables;

namespace Ferret.Engine.Functions;

/// <summary>
/// Splunk's eval functions (Search Reference, "Evaluation functions"): the implementation of each function declared in
/// <see cref="FunctionTable"/> (name, arity, category come from there; implementing an undeclared one fails at start). Functions whose arguments must be evaluated lazily or per value (<c>if</c>, <c>case</c>,
/// <c>mvmap</c>, <c>mvfilter</c>, <c>validate</c>, <c>searchmatch</c>, <c>coalesce</c>) are special forms of the
/// expression compiler and are listed in <see cref="SpecialForms"/>.
/// </summary>
public static partial class FunctionLibrary
{
    private static readonly Dictionary<string, FunctionSpec> Functions = Build();

    /// <summary>Functions the expression compiler implements itself (their arity is declared in the function table too).</summary>
    public static IReadOnlySet<string> SpecialForms { get; } =
        new HashSet<string>(["if", "case", "coalesce", "validate", "searchmatch", "mvmap", "mvfilter", "lookup"], StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<FunctionSpec> All => Functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out FunctionSpec spec) => Functions.TryGetValue(name, out spec!);

    public static bool IsKnown(string name) => Functions.ContainsKey(name) || SpecialForms.Contains(name);

    private static Dictionary<string, FunctionSpec> Build()
    {
        var table = new Dictionary<string, FunctionSpec>(StringComparer.OrdinalIgnoreCase);
        void Add(string name, EvalFunction invoke) =>
            table[name] = new FunctionSpec(FunctionTable.FindEval(name)
                ?? throw new InvalidOperationException($"eval function '{name}' is implemented but not declared in Ferret.Spl.Tables.FunctionTable"), invoke);
        AddConditional(Add);
        AddConversion(Add);
        AddCrypto(Add);
        AddTime(Add);
        AddInformational(Add);
        AddJson(Add);
        AddJsonEntries(Add);
        AddTypes(Add);
        AddBitwise(Add);
        AddMath(Add);
        AddMultivalue(Add);
        AddText(Add);
        AddTrig(Add);
        AddStatistical(Add);
        return table;
    }

    private delegate void Register(string name, EvalFunction invoke);

    internal static double? Number(Value value) => value.TryGetNumber(out var n) ? n : null;

    internal static string? Text(Value value) => value.IsNull ? null : value.First.ToString();

    internal static Value Numeric(ReadOnlySpan<Value> args, Func<double, double> f) =>
        Number(args[0]) is { } x ? Value.Of(f(x)) : Value.Null;

    internal static Value Numeric2(ReadOnlySpan<Value> args, Func<double, double, double> f) =>
        Number(args[0]) is { } x && Number(args[1]) is { } y ? Value.Of(f(x, y)) : Value.Null;

    internal static Value Strings(IEnumerable<string> values) => Value.Of(FieldValue.Multi(values));

    internal static Value Scalars(IEnumerable<Scalar> values) => Value.Of(FieldValue.Multi(values));

    /// <summary>True for a boolean true; Splunk treats anything else (including null) as false in a condition.</summary>
    internal static bool IsTrue(Value value) => value.IsBoolean && value.Boolean;
}
