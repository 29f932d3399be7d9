using Ferret.Engine.Functions;
using Ferret.Engine.Limits;
using Ferret.Engine.Values;
using Ferret.Events;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

/// <summary>
/// Binds an eval expression tree to closures. Semantics follow the Search Reference "eval command" and
/// "Evaluation functions": arithmetic on numbers (numeric strings included), <c>+</c> on two strings concatenates,
/// <c>.</c> always concatenates, comparisons are case-sensitive and numeric when both sides are numbers, a null operand
/// makes arithmetic and comparisons null, and a multivalue field in a comparison matches when any value does.
/// </summary>
public sealed partial class ExpressionCompiler(BindContext bind)
{
    public Evaluator Compile(Expression expression) => expression switch
    {
        StringLiteral or NumberLiteral => Constant(Literal(expression)!.Value),
        FieldExpression { IsQuoted: false } f when f.Name.Contains('.', StringComparison.Ordinal) => CompileDottedName(f.Name),
        FieldExpression f => CompileField(f.Name),
        UnaryExpression u => CompileUnary(u),
        BinaryExpression b => CompileBinary(b),
        FunctionCall call => CompileCall(call),
        _ => Constant(Value.Null),
    };

    private static Evaluator Constant(Value value) => (_, _) => value;

    /// <summary>The value of a string or number literal; null for any other expression.</summary>
    private static Value? Literal(Expression expression) => expression switch
    {
        StringLiteral s => Value.Of(s.Value),
        NumberLiteral n => ArithmeticPrecision.PlaceOfText(n.Text) is { } place ? Value.Of(Scalar.Of(n.Value, place)) : Value.Of(n.Value),
        _ => null,
    };

    private static Evaluator CompileField(string name) => (e, _) => Value.Of(e[name]);

    /// <summary>
    /// An unquoted <c>a.b</c> in eval is the concatenation of fields a and b: the period is the concatenation operator,
    /// and a field name with a period must be single-quoted (Search Reference, "eval command", field names).
    /// </summary>
    private static Evaluator CompileDottedName(string name)
    {
        var parts = name.Split('.').Select(part => part.Length > 0 && part.All(char.IsAsciiDigit)
            ? Constant(Value.Of(part))
            : CompileField(part)).ToArray();
        return (e, rt) =>
        {
            var text = new System.Text.StringBuilder();
            foreach (var part in parts)
            {
                var value = part(e, rt);
                if (value.IsNull)
                {
                    return Value.Null;
                }

                text.Append(value.First.ToString());
                if (text.Length > rt.Limits.MaxStringLength)
                {
                    break;
                }
            }

            return ValueLimits.Enforce(Value.Of(text.ToString()), rt, "eval operator '.'");
        };
    }

    private Evaluator CompileUnary(UnaryExpression u)
    {
        var operand = Compile(u.Operand);
        return u.Operator switch
        {
            UnaryOperator.Not => (e, rt) => Value.Of(!FunctionLibrary.IsTrue(operand(e, rt))),
            UnaryOperator.Negate => (e, rt) => operand(e, rt).TryGetNumber(out var n) ? Value.Of(-n) : Value.Null,
            _ => (e, rt) => operand(e, rt).TryGetNumber(out var n) ? Value.Of(n) : Value.Null,
        };
    }

    private Evaluator CompileBinary(BinaryExpression b)
    {
        var left = Compile(b.Left);
        var right = Compile(b.Right);
        return b.Operator switch
        {
            BinaryOperator.And => (e, rt) => Value.Of(FunctionLibrary.IsTrue(left(e, rt)) && FunctionLibrary.IsTrue(right(e, rt))),
            BinaryOperator.Or => (e, rt) => Value.Of(FunctionLibrary.IsTrue(left(e, rt)) || FunctionLibrary.IsTrue(right(e, rt))),
            BinaryOperator.Xor => (e, rt) => Value.Of(FunctionLibrary.IsTrue(left(e, rt)) ^ FunctionLibrary.IsTrue(right(e, rt))),
            BinaryOperator.Add => (e, rt) => ValueLimits.Enforce(Operators.Add(left(e, rt), right(e, rt)), rt, "eval operator '+'"),
            BinaryOperator.Subtract => (e, rt) => Operators.Subtract(left(e, rt), right(e, rt)),
            BinaryOperator.Multiply => (e, rt) => Operators.Multiply(left(e, rt), right(e, rt)),
            BinaryOperator.Divide => (e, rt) => Operators.Divide(left(e, rt), right(e, rt)),
            BinaryOperator.Modulo => (e, rt) => Operators.Arithmetic(left(e, rt), right(e, rt), (x, y) => y == 0 ? double.NaN : x % y),
            BinaryOperator.Concatenate => (e, rt) => ValueLimits.Enforce(Operators.Concatenate(left(e, rt), right(e, rt)), rt, "eval operator '.'"),
            BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual
                or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => CompileComparison(b, left, right),
            BinaryOperator.Like => (e, rt) =>
            {
                var l = left(e, rt);
                var r = right(e, rt);
                return l.Text is { } text && r.Text is { } pattern ? Value.Of(FunctionLibrary.Like(text, pattern, rt)) : Value.Null;
            },
            _ => Constant(Value.Null),
        };
    }

    /// <summary>The operators' value semantics, shared with the function library.</summary>
    public static partial class Operators
    {
        public static Value Add(Value l, Value r)
        {
            if (l.IsNull || r.IsNull)
            {
                return Value.Null;
            }

            if (l.TryGetNumber(out var x) && r.TryGetNumber(out var y))
            {
                return ArithmeticPrecision.Sum(x + y, l.First, r.First);
            }

            return Value.Of(l.First.ToString() + r.First.ToString());
        }

        public static Value Subtract(Value l, Value r) =>
            l.TryGetNumber(out var x) && r.TryGetNumber(out var y) ? ArithmeticPrecision.Sum(x - y, l.First, r.First) : Value.Null;

        public static Value Multiply(Value l, Value r) =>
            l.TryGetNumber(out var x) && r.TryGetNumber(out var y) ? ArithmeticPrecision.Product(x * y, l.First, r.First, x, y) : Value.Null;

        /// <summary>Division by zero is null (Search Reference, "eval command", usage).</summary>
        public static Value Divide(Value l, Value r) =>
            l.TryGetNumber(out var x) && r.TryGetNumber(out var y) && y != 0 ? ArithmeticPrecision.Product(x / y, l.First, r.First, x, y) : Value.Null;

        public static Value Arithmetic(Value l, Value r, Func<double, double, double> op) =>
            l.TryGetNumber(out var x) && r.TryGetNumber(out var y) ? Value.Of(op(x, y)) : Value.Null;

        public static Value Concatenate(Value l, Value r) =>
            l.IsNull || r.IsNull ? Value.Null : Value.Of(l.First.ToString() + r.First.ToString());
    }
}
