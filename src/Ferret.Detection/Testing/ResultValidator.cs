using Ferret.Content;
using Ferret.Events;

namespace Ferret.Detection.Testing;

/// <summary>
/// Decides a unit test the way contentctl does: the detection must return at least one result, and the
/// results must carry every risk object field (v4: every observable; v5 and later: every risk object),
/// with a value that is not null. A field that a result lacks fails the test; a result whose fields are all
/// present and not null passes it; when every result has some field null (tstats writes the text "null"
/// for those, <c>fillnull_value=null</c>), the test fails naming the fields.
/// </summary>
public static class ResultValidator
{
    public static TestVerdict Validate(DetectionDefinition detection, IReadOnlyList<Event> results)
    {
        if (results.Count == 0)
        {
            return TestVerdict.Fail("the search returned no results");
        }

        var fields = RequiredFields(detection);
        if (fields.Count == 0)
        {
            return TestVerdict.Pass($"{results.Count} result(s); the detection names no risk object to check");
        }

        var nullFields = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in results)
        {
            var missing = fields.Where(f => !row.Has(f)).ToList();
            if (missing.Count > 0)
            {
                return TestVerdict.Fail($"risk object field(s) missing from the results: {string.Join(", ", missing)}");
            }

            var empty = fields.Where(f => IsNullText(row[f])).ToList();
            if (empty.Count == 0)
            {
                return TestVerdict.Pass($"{results.Count} result(s) with every risk object field set ({string.Join(", ", fields)})");
            }

            nullFields.UnionWith(empty);
        }

        return TestVerdict.Fail($"every result has a null risk object field: {string.Join(", ", nullFields)}");
    }

    /// <summary>The fields a test checks: v4 observables (risk and threat objects alike), else the risk objects.</summary>
    public static IReadOnlyList<string> RequiredFields(DetectionDefinition detection)
    {
        var fields = detection.RiskObjects.Select(o => o.Field);
        if (detection.Schema == DetectionSchema.TagsV4)
        {
            fields = fields.Concat(detection.ThreatObjects.Select(o => o.Field));
        }

        return [.. fields.Distinct(StringComparer.Ordinal)];
    }

    private static bool IsNullText(FieldValue value) =>
        value.IsNull || value.Values.All(v => v.ToString() is "" or "null");
}

/// <summary>A test's outcome and the sentence that explains it.</summary>
public sealed record TestVerdict(bool Passed, string Message)
{
    public static TestVerdict Pass(string message) => new(true, message);

    public static TestVerdict Fail(string message) => new(false, message);
}
