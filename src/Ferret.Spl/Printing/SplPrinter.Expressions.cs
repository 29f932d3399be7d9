using System.Text;
using Ferret.Spl.Syntax;

namespace Ferret.Spl;

public static partial class SplPrinter
{
    // Binding strength in eval: XOR 0, OR 1, AND 2, NOT 3, comparison 4, + - . 5, * / % 6, unary minus 7, primary 8.
    private static int ExpressionLevel(Expression expression) => expression switch
    {
        BinaryExpression binary => BinaryLevel(binary.Operator),
        UnaryExpression { Operator: UnaryOperator.Not } => 3,
        UnaryExpression => 7,
        _ => 8,
    };

    private static int BinaryLevel(BinaryOperator op) => op switch
    {
        BinaryOperator.Xor => 0,
        BinaryOperator.Or => 1,
        BinaryOperator.And => 2,
        BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo => 6,
        BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Concatenate => 5,
        _ => 4,
    };

    private static string BinaryText(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Concatenate => ".",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Like => "LIKE",
        BinaryOperator.And => "AND",
        BinaryOperator.Or => "OR",
        _ => "XOR",
    };

    private static void AppendExpression(StringBuilder builder, Expression expression, int minimumLevel)
    {
        var level = ExpressionLevel(expression);
        var parenthesize = level < minimumLevel;
        if (parenthesize)
        {
            builder.Append('(');
        }

        switch (expression)
        {
            case BinaryExpression binary:
                AppendExpression(builder, binary.Left, level);
                builder.Append(' ').Append(BinaryText(binary.Operator)).Append(' ');
                AppendExpression(builder, binary.Right, level + 1);
                break;
            case UnaryExpression { Operator: UnaryOperator.Not } not:
                builder.Append("NOT ");
                AppendExpression(builder, not.Operand, 3);
                break;
            case UnaryExpression unary:
                builder.Append(unary.Operator == UnaryOperator.Negate ? '-' : '+');
                AppendExpression(builder, unary.Operand, 7);
                break;
            case FunctionCall call:
                builder.Append(call.Name).Append('(');
                for (var i = 0; i < call.Arguments.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    AppendExpression(builder, call.Arguments[i], 0);
                }

                builder.Append(')');
                break;
            case StringLiteral literal:
                AppendQuoted(builder, literal.Value);
                break;
            case NumberLiteral number:
                builder.Append(number.Text);
                break;
            case FieldExpression { IsQuoted: true } field:
                builder.Append('\'').Append(field.Name).Append('\'');
                break;
            case FieldExpression field:
                builder.Append(field.Name);
                break;
        }

        if (parenthesize)
        {
            builder.Append(')');
        }
    }
}
