using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

/// <summary>Measures an expression tree's depth without recursion (the tree may be deeper than the stack allows).</summary>
internal static class ExpressionDepth
{
    public static bool Exceeds(Expression root, int limit)
    {
        var pending = new Stack<(Expression Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.TryPop(out var item))
        {
            if (item.Depth > limit)
            {
                return true;
            }

            switch (item.Node)
            {
                case UnaryExpression unary:
                    pending.Push((unary.Operand, item.Depth + 1));
                    break;
                case BinaryExpression binary:
                    pending.Push((binary.Left, item.Depth + 1));
                    pending.Push((binary.Right, item.Depth + 1));
                    break;
                case FunctionCall call:
                    foreach (var argument in call.Arguments)
                    {
                        pending.Push((argument, item.Depth + 1));
                    }

                    break;
                default:
                    break;
            }
        }

        return false;
    }
}
