namespace Ferret.Conformance.SpecFormat;

/// <summary>What a case expects: a table of results or an error diagnostic.</summary>
internal abstract record SpecExpectation;

/// <summary>
/// The expected result table. A cell is null (the field is missing from the row) or its values as text,
/// one for a single value and several for a multivalue field.
/// </summary>
internal sealed record ExpectedTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ExpectedCell>> Rows) : SpecExpectation;

/// <summary>An expected error: a diagnostic with this code, optionally starting at a 1-based line and column of the query.</summary>
internal sealed record ExpectedError(string Code, int? Line, int? Column) : SpecExpectation;

/// <summary>One cell of an expected row: null when the field must be missing, otherwise its values in order.</summary>
internal sealed record ExpectedCell(IReadOnlyList<string>? Values)
{
    public static ExpectedCell Missing { get; } = new((IReadOnlyList<string>?)null);

    public bool IsMissing => Values is null;

    public bool Matches(IReadOnlyList<string>? actual) =>
        Values is null ? actual is null : actual is not null && Values.SequenceEqual(actual, StringComparer.Ordinal);

    public override string ToString() => Format(Values);

    public static string Format(IReadOnlyList<string>? values) => values switch
    {
        null => "null",
        [var single] => Quote(single),
        _ => "[" + string.Join(",", values.Select(Quote)) + "]",
    };

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
