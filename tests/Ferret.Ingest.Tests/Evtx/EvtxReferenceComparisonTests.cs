using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ferret.Events;
using Ferret.Ingest.Evtx;
using Ferret.Testing;

namespace Ferret.Ingest.Tests.Evtx;

/// <summary>
/// Ferret's reader against libevtx's <c>evtxexport -f xml</c> (Debian package libevtx-utils) on every EVTX file of
/// the shared corpora: one evtxexport run per file, files in parallel. Records are matched by EventRecordID and
/// compared after normalizing what is cosmetic (see <see cref="Normalize"/>).
/// </summary>
public sealed partial class EvtxReferenceComparisonTests
{
    private static readonly string[] Corpora = ["data/evtx-attack-samples", "data/deepbluecli", "data/evtx-parser-samples"];

    [Fact]
    public void Every_record_matches_evtxexport_on_every_corpus_file()
    {
        var tool = FindOnPath("evtxexport");
        if (tool is null)
        {
            Assert.Skip("evtxexport not installed (apt-get install libevtx-utils); the reference comparison needs it");
        }

        var files = Corpora.Select(SharedCorpus.Require)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.evtx", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
        var failures = new ConcurrentBag<string>();
        var compared = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            Interlocked.Add(ref compared, CompareFile(tool, file, failures));
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} differences; first ones:\n{string.Join("\n", failures.Take(15))}");
        Assert.True(compared > 8255, $"only {compared} records were compared");
    }

    private static int CompareFile(string tool, string file, ConcurrentBag<string> failures)
    {
        var (output, referenceFailed) = RunReference(tool, file);
        var reference = EventPattern().Matches(output).Select(m => m.Value).ToList();
        var problems = new ProblemCollector();
        var mine = EvtxFile.ReadRecords(file, problems).Select(r => r.Xml).ToList();
        var readerRecovered = problems.Problems.Any(p => p.Severity == ProblemSeverity.Error);
        var name = Path.GetFileName(file);

        // evtxexport stops on a record it cannot decode (CAPI2, MSExchange files): Ferret must then hold at least its records.
        // Ferret resumes after a broken record where libevtx gives up on the chunk: Ferret may then hold more.
        if (mine.Count != reference.Count && !(mine.Count > reference.Count && (referenceFailed || readerRecovered)))
        {
            failures.Add($"{name}: {mine.Count} records, evtxexport {reference.Count}");
        }

        var mineById = mine.Select(Normalize).ToLookup(RecordId);
        foreach (var expected in reference.Select(Normalize))
        {
            var candidates = mineById[RecordId(expected)].ToList();
            if (candidates.Contains(expected))
            {
                continue;
            }

            var actual = candidates.FirstOrDefault();
            failures.Add(actual is null
                ? $"{name}: record {RecordId(expected)} missing"
                : $"{name}: record {RecordId(expected)} differs{FirstDifference(expected, actual)}");
        }

        return reference.Count;
    }

    /// <summary>
    /// Cosmetic differences, each for a reason: (1) evtxexport indents and self-closes with its own whitespace, so
    /// (after resolving references, so markup held as text is treated alike) self-closed tags are expanded and whitespace between tags dropped and runs collapsed (it also renders a value
    /// of only a line break as empty); (2) it leaves &lt; &gt; &amp; raw inside some string values (LiveId's SOAP
    /// text) and resolves &amp;quot; entity references, so character and entity references are resolved on both
    /// sides; (3) it zero-pads hex integers (0x00000000000003e7) where Windows writes 0x3e7, and quotes attributes
    /// with " where Windows uses ', so padding and quoting are normalized; (4) it renders only the first fragment of an embedded BinXml value, dropping a forwarded event's
    /// RenderingInfo, which Ferret keeps as Windows shows it, so RenderingInfo is dropped before comparing.
    /// </summary>
    internal static string Normalize(string xml)
    {
        var text = RenderingInfoPattern().Replace(xml, string.Empty);
        text = SingleQuotedAttributePattern().Replace(text, m => $"{m.Groups[1].Value}=\"{m.Groups[2].Value.Replace("\"", "&quot;", StringComparison.Ordinal)}\"");
        text = CharacterReferencePattern().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString());
        text = text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&apos;", "'", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
        text = SelfClosingPattern().Replace(text, "<$1$2></$1>");
        text = BetweenTagsPattern().Replace(text, "><");
        text = ZeroPaddedHexPattern().Replace(text, "0x");
        return WhitespacePattern().Replace(text, " ").Trim();
    }

    private static string RecordId(string xml) => RecordIdPattern().Match(xml) is { Success: true } m ? m.Groups[1].Value : "?";

    private static string FirstDifference(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 60);
        return $" at {at}:\n  evtxexport: {expected[from..Math.Min(expected.Length, at + 80)]}\n  ferret:     {actual[from..Math.Min(actual.Length, at + 80)]}";
    }

    private static (string Output, bool Failed) RunReference(string tool, string file)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("xml");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (output, process.ExitCode != 0 || error.Result.Length > 0);
    }

    internal static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex("<Event xmlns.*?</Event>", RegexOptions.Singleline)]
    private static partial Regex EventPattern();

    [GeneratedRegex("<RenderingInfo[ >].*?</RenderingInfo>", RegexOptions.Singleline)]
    private static partial Regex RenderingInfoPattern();

    [GeneratedRegex("<([A-Za-z_][\\w:.-]*)((?:\\s+[^<>=\\s]+=\"[^\"]*\")*)\\s*/>")]
    private static partial Regex SelfClosingPattern();

    [GeneratedRegex("(\\s[A-Za-z_][\\w:.-]*)='([^'<]*)'")]
    private static partial Regex SingleQuotedAttributePattern();

    [GeneratedRegex("\\b0x0+(?=[0-9a-fA-F])")]
    private static partial Regex ZeroPaddedHexPattern();

    [GeneratedRegex("&#([0-9]+);")]
    private static partial Regex CharacterReferencePattern();

    [GeneratedRegex(">\\s+<")]
    private static partial Regex BetweenTagsPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex("<EventRecordID>(\\d+)</EventRecordID>")]
    private static partial Regex RecordIdPattern();
}
