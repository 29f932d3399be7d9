using Ferret.Engine.Values;
using Ferret.Events;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

/// <summary>
/// The comparison operators of eval and where (Search Reference, "eval command"): numeric when both sides read as
/// numbers, else case-sensitive ordinal text; a null side makes the comparison null; a multivalue side compares when
/// any of its values does; booleans only test equality with booleans.
/// </summary>
public sealed partial class ExpressionCompiler
{
    /// <summary>A comparison whose right side is a literal (<c>Level==4</c>, <c>status!="success"</c>: nearly every
    /// comparison in calculated fields and detections) reads the literal as a number and as text once, when it is
    /// compiled, instead of for every event and every value compared.</summary>
    private static Evaluator CompileComparison(BinaryExpression b, Evaluator left, Evaluator right)
    {
        var op = b.Operator;
        if (Literal(b.Right) is { IsNull: false } literal)
        {
            var constant = ComparedScalar.Read(literal.First);
            return (e, rt) => Operators.CompareWith(left(e, rt), op, constant);
        }

        return (e, rt) => Operators.Compare(left(e, rt), right(e, rt), op);
    }

    public static partial class Operators
    {
        public static Value Compare(Value l, Value r, BinaryOperator op)
        {
            if (l.IsNull || r.IsNull)
            {
                return Value.Null;
            }

            var equality = op is BinaryOperator.Equal or BinaryOperator.NotEqual;
            if (l.IsBoolean || r.IsBoolean)
            {
                return equality && l.IsBoolean && r.IsBoolean ? Value.Of(Accepts(op, l.Boolean == r.Boolean ? 0 : 1)) : Value.Null;
            }

            foreach (var b in r.Field.Values)
            {
                var right = ComparedScalar.Of(b);
                foreach (var a in l.Field.Values)
                {
                    var c = equality ? (ValueComparer.ScalarEquals(a, right) ? 0 : 1) : ValueComparer.CompareScalars(a, right);
                    if (Accepts(op, c))
                    {
                        return Value.True;
                    }
                }
            }

            return Value.False;
        }

        /// <summary><see cref="Compare"/> against a literal that is neither null nor a boolean.</summary>
        internal static Value CompareWith(Value l, BinaryOperator op, ComparedScalar right)
        {
            if (l.IsNull || l.IsBoolean)
            {
                return Value.Null;
            }

            var equality = op is BinaryOperator.Equal or BinaryOperator.NotEqual;
            foreach (var a in l.Field.Values)
            {
                var c = equality ? (ValueComparer.ScalarEquals(a, right) ? 0 : 1) : ValueComparer.CompareScalars(a, right);
                if (Accepts(op, c))
                {
                    return Value.True;
                }
            }

            return Value.False;
        }

        private static bool Accepts(BinaryOperator op, int comparison) => op switch
        {
            BinaryOperator.Equal => comparison == 0,
            BinaryOperator.NotEqual => comparison != 0,
            BinaryOperator.Less => comparison < 0,
            BinaryOperator.LessOrEqual => comparison <= 0,
            BinaryOperator.Greater => comparison > 0,
            _ => comparison >= 0,
        };
    }
}
