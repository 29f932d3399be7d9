namespace Ferret.Spl.Tables;

/// <summary>
/// The eval and statistical functions, as data (Search Reference, "Evaluation functions" and "Statistical and charting
/// functions"). The engine binds calls against it (unknown name, wrong arity) and docs/spl-support.md is rendered from it.
/// Percentile functions are written <c>perc95</c>, <c>p99</c>, <c>exactperc90</c>, <c>upperperc75</c>: see <see cref="FindAggregate"/>.
/// </summary>
public static class FunctionTable
{
    private static FunctionInfo E(string name, int min, int? max, string category, string description) =>
        new(name, FunctionKind.Eval, min, max, category, description);

    private static FunctionInfo A(string name, int min, int? max, string description) =>
        new(name, FunctionKind.Aggregate, min, max, "Statistical", description);

    public static IReadOnlyList<FunctionInfo> Eval { get; } =
    [
        E("if", 3, 3, "Comparison and conditional", "Y when X is true, else Z."),
        E("case", 2, null, "Comparison and conditional", "The value paired with the first true condition."),
        E("coalesce", 1, null, "Comparison and conditional", "The first non-null argument."),
        E("nullif", 2, 2, "Comparison and conditional", "Null when X equals Y, else X."),
        E("validate", 2, null, "Comparison and conditional", "The string paired with the first false condition."),
        E("match", 2, 2, "Comparison and conditional", "True when the regex matches the subject."),
        E("like", 2, 2, "Comparison and conditional", "SQL LIKE match (% and _)."),
        E("cidrmatch", 2, 2, "Comparison and conditional", "True when the IP is in the CIDR subnet."),
        E("in", 2, null, "Comparison and conditional", "True when the value is one of the listed values."),
        E("lookup", 2, 3, "Comparison and conditional", "Looks a JSON object up in a lookup table (eval form of the lookup command)."),
        E("searchmatch", 1, 1, "Comparison and conditional", "True when the event matches the search string."),
        E("true", 0, 0, "Comparison and conditional", "True."),
        E("false", 0, 0, "Comparison and conditional", "False."),
        E("null", 0, 0, "Comparison and conditional", "Null."),
        E("isnull", 1, 1, "Informational", "True when the value is null."),
        E("isnotnull", 1, 1, "Informational", "True when the value is not null."),
        E("isnum", 1, 1, "Informational", "True when the value is a number."),
        E("isint", 1, 1, "Informational", "True when the value is an integer."),
        E("isstr", 1, 1, "Informational", "True when the value is a string."),
        E("isbool", 1, 1, "Informational", "True when the value is a Boolean."),
        E("typeof", 1, 1, "Informational", "The value's type name."),
        E("tostring", 1, 2, "Conversion", "The value as a string, optionally formatted (hex, commas, duration)."),
        E("tonumber", 1, 2, "Conversion", "The string as a number, in an optional base."),
        E("printf", 1, null, "Conversion", "C-style formatting."),
        E("ipmask", 2, 2, "Conversion", "Masks an IP address."),
        E("abs", 1, 1, "Mathematical", "Absolute value."),
        E("ceiling", 1, 1, "Mathematical", "Smallest integer not less than X."),
        E("ceil", 1, 1, "Mathematical", "Alias of ceiling."),
        E("floor", 1, 1, "Mathematical", "Largest integer not greater than X."),
        E("round", 1, 2, "Mathematical", "X rounded to Y decimals."),
        E("sqrt", 1, 1, "Mathematical", "Square root."),
        E("pow", 2, 2, "Mathematical", "X to the power Y."),
        E("exp", 1, 1, "Mathematical", "e to the power X."),
        E("ln", 1, 1, "Mathematical", "Natural logarithm."),
        E("log", 1, 2, "Mathematical", "Logarithm of X in base Y (default 10)."),
        E("exact", 1, 1, "Mathematical", "X printed to the full precision of a double (arithmetic prints to its operands' precision)."),
        E("pi", 0, 0, "Mathematical", "Pi, printed to 11 decimals."),
        E("sigfig", 1, 1, "Mathematical", "X rounded to its significant figures."),
        E("random", 0, 0, "Mathematical", "A pseudo-random integer."),
        E("min", 1, null, "Statistical", "The smallest argument."),
        E("max", 1, null, "Statistical", "The largest argument."),
        E("len", 1, 1, "Text", "Number of characters."),
        E("lower", 1, 1, "Text", "Lower case."),
        E("upper", 1, 1, "Text", "Upper case."),
        E("trim", 1, 2, "Text", "Removes characters (default white space) from both ends."),
        E("ltrim", 1, 2, "Text", "Removes characters from the left."),
        E("rtrim", 1, 2, "Text", "Removes characters from the right."),
        E("substr", 2, 3, "Text", "Substring from a 1-based start, optional length."),
        E("replace", 3, 3, "Text", "Regex replacement."),
        E("split", 2, 2, "Text", "Splits a string into a multivalue field."),
        E("urldecode", 1, 1, "Text", "URL-decodes a string."),
        E("spath", 2, 2, "Text", "Extracts a value from JSON or XML by path."),
        E("md5", 1, 1, "Cryptographic", "MD5 hex digest."),
        E("sha1", 1, 1, "Cryptographic", "SHA-1 hex digest."),
        E("sha256", 1, 1, "Cryptographic", "SHA-256 hex digest."),
        E("sha512", 1, 1, "Cryptographic", "SHA-512 hex digest."),
        E("now", 0, 0, "Date and time", "Search start time, in epoch seconds."),
        E("time", 0, 0, "Date and time", "Wall-clock time at evaluation."),
        E("relative_time", 2, 2, "Date and time", "X shifted by a relative time specifier."),
        E("strftime", 2, 2, "Date and time", "Formats epoch time."),
        E("strptime", 2, 2, "Date and time", "Parses a time string into epoch time."),
        E("mvappend", 1, null, "Multivalue", "Concatenates values into one multivalue field."),
        E("mvcount", 1, 1, "Multivalue", "Number of values."),
        E("mvdedup", 1, 1, "Multivalue", "Removes duplicate values."),
        E("mvfilter", 1, 1, "Multivalue", "Values for which the predicate is true."),
        E("mvfind", 2, 2, "Multivalue", "Index of the first value matching a regex."),
        E("mvindex", 2, 3, "Multivalue", "The value(s) at an index or range."),
        E("mvjoin", 2, 2, "Multivalue", "Joins values with a delimiter."),
        E("mvmap", 2, 2, "Multivalue", "Applies an expression to each value."),
        E("mvrange", 2, 3, "Multivalue", "A multivalue range of numbers."),
        E("mvsort", 1, 1, "Multivalue", "Values sorted lexicographically."),
        E("mvzip", 2, 3, "Multivalue", "Pairs values of two fields."),
        E("mv_to_json_array", 1, 2, "Multivalue", "Values as a JSON array."),
        E("json_object", 0, null, "JSON", "Builds a JSON object."),
        E("json_array", 0, null, "JSON", "Builds a JSON array."),
        E("json_extract", 1, null, "JSON", "Values at JSON paths."),
        E("json_keys", 1, 1, "JSON", "Keys of a JSON object."),
        E("json_valid", 1, 1, "JSON", "True when the string is valid JSON."),
        E("commands", 1, 1, "Informational", "Commands used in a search string."),
        E("avg", 1, null, "Statistical", "Mean of the arguments."),
        E("sum", 1, null, "Mathematical", "Sum of the arguments."),
        E("bit_and", 2, null, "Bitwise", "Bitwise AND."),
        E("bit_or", 2, null, "Bitwise", "Bitwise OR."),
        E("bit_xor", 2, null, "Bitwise", "Bitwise XOR."),
        E("bit_not", 1, 2, "Bitwise", "Bitwise NOT, kept to the bits of an optional mask (default 53 bits)."),
        E("bit_shift_left", 2, 2, "Bitwise", "Shifts bits left."),
        E("bit_shift_right", 2, 2, "Bitwise", "Shifts bits right."),
        E("acos", 1, 1, "Trigonometry and hyperbolic", "Arc cosine."),
        E("acosh", 1, 1, "Trigonometry and hyperbolic", "Arc hyperbolic cosine."),
        E("asin", 1, 1, "Trigonometry and hyperbolic", "Arc sine."),
        E("asinh", 1, 1, "Trigonometry and hyperbolic", "Arc hyperbolic sine."),
        E("atan", 1, 1, "Trigonometry and hyperbolic", "Arc tangent."),
        E("atan2", 2, 2, "Trigonometry and hyperbolic", "Arc tangent of Y/X."),
        E("atanh", 1, 1, "Trigonometry and hyperbolic", "Arc hyperbolic tangent."),
        E("cos", 1, 1, "Trigonometry and hyperbolic", "Cosine."),
        E("cosh", 1, 1, "Trigonometry and hyperbolic", "Hyperbolic cosine."),
        E("hypot", 2, 2, "Trigonometry and hyperbolic", "Hypotenuse."),
        E("sin", 1, 1, "Trigonometry and hyperbolic", "Sine."),
        E("sinh", 1, 1, "Trigonometry and hyperbolic", "Hyperbolic sine."),
        E("tan", 1, 1, "Trigonometry and hyperbolic", "Tangent."),
        E("tanh", 1, 1, "Trigonometry and hyperbolic", "Hyperbolic tangent."),
        E("json_append", 3, null, "JSON", "Appends values to arrays at JSON paths."),
        E("json_array_to_mv", 1, 2, "JSON", "A JSON array as a multivalue field."),
        E("json_delete", 2, null, "JSON", "Removes JSON paths."),
        E("json_extend", 3, null, "JSON", "Extends arrays at JSON paths."),
        E("json_extract_exact", 2, null, "JSON", "Values at literal JSON keys."),
        E("json_set", 3, null, "JSON", "Sets values at JSON paths."),
        E("json_set_exact", 3, null, "JSON", "Sets values at literal JSON keys."),
        E("json", 1, 1, "JSON", "The value when it is valid JSON, else null."),
        E("json_entries", 1, 1, "JSON", "A JSON object's entries as an array of {key, value} objects."),
        E("json_has_key_exact", 2, 2, "JSON", "True when a JSON object has the literal key."),
        E("toint", 1, 1, "Conversion", "The value as an integer (fraction dropped)."),
        E("tobool", 1, 1, "Conversion", "The value as a Boolean (0 and \"false\" are false)."),
        E("isdouble", 1, 1, "Informational", "True when the value is a number with a fraction or exponent."),
        E("ismv", 1, 1, "Informational", "True when the value is a multivalue field."),
        E("isarray", 1, 1, "Informational", "True when the value is a JSON array."),
        E("isobject", 1, 1, "Informational", "True when the value is a JSON object."),
        E("mvreverse", 1, 1, "Multivalue", "Values in reverse order."),
    ];

    public static IReadOnlyList<FunctionInfo> Aggregates { get; } =
    [
        A("count", 0, 1, "Number of events (or of events where the field exists)."),
        A("c", 0, 1, "Alias of count."),
        A("dc", 1, 1, "Number of distinct values."),
        A("distinct_count", 1, 1, "Alias of dc."),
        A("estdc", 1, 1, "Estimated distinct count."),
        A("estdc_error", 1, 1, "Estimated error of estdc."),
        A("sum", 1, 1, "Sum."),
        A("sumsq", 1, 1, "Sum of squares."),
        A("avg", 1, 1, "Mean."),
        A("mean", 1, 1, "Alias of avg."),
        A("min", 1, 1, "Minimum."),
        A("max", 1, 1, "Maximum."),
        A("range", 1, 1, "Max minus min."),
        A("median", 1, 1, "Median."),
        A("mode", 1, 1, "Most frequent value."),
        A("stdev", 1, 1, "Sample standard deviation."),
        A("stdevp", 1, 1, "Population standard deviation."),
        A("var", 1, 1, "Sample variance."),
        A("varp", 1, 1, "Population variance."),
        A("values", 1, 1, "Distinct values, sorted."),
        A("list", 1, 1, "All values, in order (up to 100)."),
        A("first", 1, 1, "First value seen."),
        A("last", 1, 1, "Last value seen."),
        A("earliest", 1, 1, "Value of the earliest event."),
        A("latest", 1, 1, "Value of the latest event."),
        A("earliest_time", 1, 1, "Time of the earliest event with the field."),
        A("latest_time", 1, 1, "Time of the latest event with the field."),
        A("rate", 1, 1, "Per-second rate of a counter."),
        A("per_second", 1, 1, "Sum per second (timechart)."),
        A("per_minute", 1, 1, "Sum per minute (timechart)."),
        A("per_hour", 1, 1, "Sum per hour (timechart)."),
        A("per_day", 1, 1, "Sum per day (timechart)."),
        A("sparkline", 0, 2, "Sparkline (charting; no value in Ferret)."),
        A("perc", 1, 1, "Percentile: written percN, pN, exactpercN, upperpercN."),
    ];

    private static readonly Dictionary<string, FunctionInfo> EvalByName =
        Eval.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, FunctionInfo> AggregateByName =
        Aggregates.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static FunctionInfo? FindEval(string name) => EvalByName.GetValueOrDefault(name);

    /// <summary>The aggregate named <paramref name="name"/>; <c>perc95</c>, <c>p95</c>, <c>exactperc95</c>, <c>upperperc95</c>
    /// resolve to <c>perc</c> with the percentile in <paramref name="percentile"/>.</summary>
    public static FunctionInfo? FindAggregate(string name, out double? percentile)
    {
        percentile = null;
        if (AggregateByName.TryGetValue(name, out var found))
        {
            return found;
        }

        foreach (var prefix in (string[])["exactperc", "upperperc", "perc", "p"])
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(name.AsSpan(prefix.Length), System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100)
            {
                percentile = value;
                return AggregateByName["perc"];
            }
        }

        return null;
    }
}
