namespace Ferret.Conformance.SpecFormat;

/// <summary>One case of a <c>.spltest</c> file: input events, a query and what Splunk returns for it (README.md).</summary>
internal sealed record SpecCase(
    string File,
    string Name,
    int Line,
    string Cite,
    string? Now,
    IReadOnlyList<SpecLine> Events,
    string Query,
    RowOrdering Ordering,
    bool ExactColumns,
    string? ExcludeReason,
    SpecExpectation Expectation)
{
    /// <summary>The test's display name and its key in the catalogue: file (relative to spl/) and case name.</summary>
    public string Id => $"{File}: {Name}";
}

/// <summary>A line of a spec file with its 1-based line number, so messages can point into the file.</summary>
internal sealed record SpecLine(int Number, string Text);

internal enum RowOrdering
{
    /// <summary>Rows must come in the expected order (the default: most commands keep or define an order).</summary>
    Exact,

    /// <summary>Rows are compared as a multiset (for commands whose output order Splunk does not define).</summary>
    Any,
}
