namespace Ferret.Spl.Diagnostics;

/// <summary>SPL3017-SPL3020: problems a run meets in the commands that build searches from results (map, foreach);
/// reported with the run's problems, the run goes on.</summary>
public static partial class DiagnosticFacts
{
    public const string MapMaxSearchesCode = "SPL3017";
    public const string MapTokenMissingCode = "SPL3018";
    public const string MapSearchInvalidCode = "SPL3019";
    public const string ForeachTemplateInvalidCode = "SPL3020";

    /// <summary>Worded as Splunk's map command words it (Search Reference, "map command": maxsearches defaults to 10).</summary>
    public static Diagnostic MapMaxSearches(int results, int maxSearches) =>
        Warning(MapMaxSearchesCode, default, $"The search result count ({results}) exceeds maximum ({maxSearches}), using max. To override it, set maxsearches appropriately.");

    public static Diagnostic MapTokenMissing(int serial, string field) =>
        Warning(MapTokenMissingCode, default, $"map: result {serial} has no value for ${field}$ (field '{field}'), so its search did not run");

    public static Diagnostic MapSearchInvalid(int serial, string search, Diagnostic error) =>
        Error(MapSearchInvalidCode, default, $"map: the search of result {serial} ({search}) cannot run: {error.Code} {error.Message}");

    public static Diagnostic ForeachTemplateInvalid(string field, string reason) =>
        Error(ForeachTemplateInvalidCode, default, $"foreach: the template for '{field}' cannot run: {reason}");
}
