using System.Globalization;
using Ferret.Engine.Values;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

public sealed partial class ExpressionCompiler
{
    /// <summary>
    /// <c>sigfig(X)</c> (Search Reference, "Mathematical functions"): for <c>*</c> and <c>/</c> the result keeps as many
    /// significant figures as the least precise operand; for <c>+</c> and <c>-</c>, as many decimals as the operand with
    /// the fewest. Precision is read from the operands as written (<c>1.00</c> has three significant figures).
    /// </summary>
    private Evaluator CompileSigfig(FunctionCall call)
    {
        var argument = call.Arguments[0];
        var value = Compile(argument);
        if (argument is not BinaryExpression { Operator: BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Add or BinaryOperator.Subtract } binary)
        {
            return value;
        }

        var left = Compile(binary.Left);
        var right = Compile(binary.Right);
        var multiplicative = binary.Operator is BinaryOperator.Multiply or BinaryOperator.Divide;
        return (e, rt) =>
        {
            if (!value(e, rt).TryGetNumber(out var result))
            {
                return Value.Null;
            }

            var leftText = OperandText(binary.Left, left(e, rt));
            var rightText = OperandText(binary.Right, right(e, rt));
            if (leftText is null || rightText is null)
            {
                return Value.Null;
            }

            if (multiplicative)
            {
                var digits = Math.Min(SignificantFigures(leftText), SignificantFigures(rightText));
                return Value.Of(RoundToSignificant(result, digits));
            }

            var decimals = Math.Min(Decimals(leftText), Decimals(rightText));
            return Value.Of(Math.Round(result, decimals, MidpointRounding.AwayFromZero));
        };
    }

    private static string? OperandText(Expression expression, Value value) =>
        expression is NumberLiteral literal ? literal.Text : value.TryGetNumber(out _) ? value.First.ToString() : null;

    private static int SignificantFigures(string text)
    {
        var digits = text.TrimStart('-', '+');
        var exponent = digits.IndexOfAny(['e', 'E']);
        if (exponent >= 0)
        {
            digits = digits[..exponent];
        }

        var hasPoint = digits.Contains('.', StringComparison.Ordinal);
        var plain = digits.Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0');
        if (!hasPoint)
        {
            plain = plain.TrimEnd('0');
        }

        return Math.Max(1, plain.Length);
    }

    private static int Decimals(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : text.Length - point - 1;
    }

    private static double RoundToSignificant(double value, int digits)
    {
        if (value == 0)
        {
            return 0;
        }

        var magnitude = Math.Floor(Math.Log10(Math.Abs(value))) + 1;
        var scale = Math.Pow(10, digits - magnitude);
        return double.Parse((Math.Round(value * scale, MidpointRounding.AwayFromZero) / scale).ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
