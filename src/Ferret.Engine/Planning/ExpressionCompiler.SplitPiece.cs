using Ferret.Engine.Functions;
using Ferret.Engine.Limits;
using Ferret.Engine.Values;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

public sealed partial class ExpressionCompiler
{
    /// <summary>
    /// <c>mvindex(split(X, "delimiter"), N)</c> with a literal delimiter and index (the CIM calculated fields
    /// <c>process_name</c>, <c>parent_process_name</c>, <c>file_name</c>, <c>registry_key_name</c>, <c>dvc_nt_host</c>:
    /// several per event) cuts out the one piece asked for instead of making every piece and a multivalue of them.
    /// The result is the same value (Search Reference, "Multivalue eval functions": split, mvindex); a text past the
    /// string limit or with more pieces than <c>max_mv_size</c> takes the two calls as written, so that the limits cut
    /// and report as they do there. Null when the call is not of that shape.
    /// </summary>
    private Evaluator? TryCompileSplitPiece(FunctionCall call)
    {
        if (call.Arguments is not [FunctionCall { Arguments: [var source, StringLiteral { Value.Length: > 0 } delimiter] } split, var index]
            || !split.Name.Equals("split", StringComparison.OrdinalIgnoreCase)
            || IndexLiteral(index) is not { } position
            || !FunctionLibrary.TryGet("split", out var splitSpec)
            || !FunctionLibrary.TryGet("mvindex", out var mvindexSpec))
        {
            return null;
        }

        var text = Compile(source);
        var separator = delimiter.Value;
        var delimiterValue = Value.Of(separator);
        var indexValue = Value.Of(position);
        return (e, rt) =>
        {
            var value = text(e, rt);
            if (value.Text is not { } whole)
            {
                return Value.Null;
            }

            if (whole.Length <= rt.Limits.MaxStringLength && TryCutPiece(whole, separator, position, rt.Limits.MaxMvSize, out var piece))
            {
                return piece;
            }

            Span<Value> splitArguments = [value, delimiterValue];
            var pieces = ValueLimits.Enforce(splitSpec.Invoke(splitArguments, rt), rt, "eval function 'split'");
            Span<Value> indexArguments = [pieces, indexValue];
            return ValueLimits.Enforce(mvindexSpec.Invoke(indexArguments, rt), rt, "eval function 'mvindex'");
        };
    }

    /// <summary>The integer a literal index such as <c>0</c> or <c>-1</c> reads as (mvindex truncates it), or null.</summary>
    private static int? IndexLiteral(Expression expression) => expression switch
    {
        NumberLiteral { Value: > -1e9 and < 1e9 } n => (int)n.Value,
        UnaryExpression { Operator: UnaryOperator.Negate, Operand: NumberLiteral { Value: < 1e9 } n } => (int)-n.Value,
        _ => null,
    };

    /// <summary>Piece <paramref name="position"/> (from the end when negative) of <paramref name="text"/> split at every
    /// <paramref name="delimiter"/>, as split then mvindex give it: null past either end. False when the text has more
    /// pieces than <paramref name="maxPieces"/>, whose cut only the calls as written make.</summary>
    private static bool TryCutPiece(string text, string delimiter, int position, int maxPieces, out Value piece)
    {
        piece = Value.Null;
        var span = text.AsSpan();
        var count = span.Count(delimiter.AsSpan()) + 1;
        if (count > maxPieces)
        {
            return false;
        }

        var wanted = position < 0 ? position + count : position;
        if (wanted < 0 || wanted >= count)
        {
            return true;
        }

        var start = 0;
        for (var i = 0; i < wanted; i++)
        {
            start += span[start..].IndexOf(delimiter.AsSpan()) + delimiter.Length;
        }

        var length = span[start..].IndexOf(delimiter.AsSpan());
        piece = Value.Of(length < 0 ? text[start..] : text.Substring(start, length));
        return true;
    }
}
