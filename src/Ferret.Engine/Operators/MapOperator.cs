using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Engine.Planning;
using Ferret.Events;
using Ferret.Spl.Diagnostics;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>map search="..." [maxsearches=N]</c> (Search Reference, "map command"): for each input result, up to
/// <c>maxsearches</c> (default 10; a message says when results were left out), the search text with every
/// <c>$field$</c> replaced by that result's value of the field and <c>$_serial_id$</c> by the search's number (1, 2, ...)
/// runs over the same events as the outer search; the output is the results of all those searches, in input order.
/// A result without a value for a token does not run its search, and says so. Each search keeps at most
/// [subsearch] maxout results (<see cref="Limits.SearchLimits.SubsearchMaxOut"/>), as a subsearch does.
/// </summary>
public sealed partial class MapOperator(string template, int maxSearches) : BlockingOperator("map")
{
    public const int DefaultMaxSearches = 10;

    public const string SerialIdToken = "_serial_id";

    public string Template => template;

    public override bool CreatesRows => true;

    /// <summary>The <c>$name$</c> tokens: a name is letters, digits and <c>_ . : { } @ -</c>, so a lone <c>$</c> (as in
    /// <c>user="*$"</c>) is left alone.</summary>
    [GeneratedRegex(@"\$([A-Za-z0-9_.:{}@-]+)\$", RegexOptions.CultureInvariant)]
    internal static partial Regex Token();

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var rows = RowBudget.Collect(input, run, "map");
        if (rows.Count > maxSearches)
        {
            run.Report(DiagnosticFacts.MapMaxSearches(rows.Count, maxSearches));
        }

        // The searches compiled in this run, by their substituted text: kept in the run, so the plan holds no state.
        var compiledSearches = run.GetOrAdd(this, () => new ConcurrentDictionary<string, CompiledSearch>(StringComparer.Ordinal));
        var serial = 0;
        foreach (var row in rows.Take(maxSearches))
        {
            serial++;
            if (Substitute(row, serial, out var missing) is not { } text)
            {
                run.Report(DiagnosticFacts.MapTokenMissing(serial, missing ?? string.Empty));
                continue;
            }

            var compiled = compiledSearches.GetOrAdd(text, SearchEngine.Compile);
            if (compiled.HasErrors)
            {
                var error = compiled.Diagnostics.First(d => d.IsError);
                run.Report(DiagnosticFacts.MapSearchInvalid(serial, text, error));
                continue;
            }

            var results = RowBudget.Collect(compiled.Pipeline.Execute(run.Source, run), run, $"map: the search of result {serial}", RowBudget.Subsearch.Of(run.Limits));
            foreach (var result in results)
            {
                yield return result;
            }
        }
    }

    /// <summary>The search text for one result, or null (with the missing field's name) when a token has no value. A
    /// multivalue field gives its values separated by spaces.</summary>
    private string? Substitute(Event row, int serial, out string? missing)
    {
        string? absent = null;
        var text = Token().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            if (name == SerialIdToken)
            {
                return serial.ToString(CultureInfo.InvariantCulture);
            }

            var value = row[name];
            if (value.IsNull)
            {
                absent ??= name;
                return match.Value;
            }

            return string.Join(' ', value.Texts);
        });
        missing = absent;
        return absent is null ? text : null;
    }

    /// <summary>The template with every token replaced by a plain word, to check at compile time that it parses and binds.</summary>
    internal static string Probe(string template) => Token().Replace(template, "0");
}
