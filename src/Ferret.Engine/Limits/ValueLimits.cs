using Ferret.Engine.Functions;
using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Limits;

/// <summary>Keeps what an eval expression yields inside <see cref="SearchLimits.MaxStringLength"/> and
/// <see cref="SearchLimits.MaxMvSize"/>: a longer string is cut, a longer multivalue keeps its first values, and the
/// run reports it once (so doubling a string or a multivalue in a loop of evals ends at the limit, not at the
/// machine's memory).</summary>
internal static class ValueLimits
{
    public static Value Enforce(Value value, EvalRuntime runtime, string where)
    {
        if (value.IsBoolean || value.IsNull)
        {
            return value;
        }

        var limits = runtime.Limits;
        var field = value.Field;
        if (field.Count > limits.MaxMvSize)
        {
            runtime.ReportLimit("[ferret] max_mv_size", where, $"kept the first {limits.MaxMvSize} of {field.Count} values");
            return Value.Of(FieldValue.Multi(field.Values.Take(limits.MaxMvSize)));
        }

        if (!field.IsMultivalue && field.First.IsString && field.First.ToString() is { } text && text.Length > limits.MaxStringLength)
        {
            runtime.ReportLimit("[ferret] max_string_length", where, $"kept the first {limits.MaxStringLength} of {text.Length} characters");
            return Value.Of(text[..limits.MaxStringLength]);
        }

        return value;
    }

    /// <summary>Whether a string of <paramref name="length"/> characters may be built (checked before building it).</summary>
    public static bool Allows(EvalRuntime runtime, long length, string where)
    {
        if (length <= runtime.Limits.MaxStringLength)
        {
            return true;
        }

        runtime.ReportLimit("[ferret] max_string_length", where, $"a result of {length} characters was not built (null instead)");
        return false;
    }
}
