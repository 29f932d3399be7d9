using System.Text.RegularExpressions;
using Ferret.Content;
using Ferret.Publishing.Docs;
using Ferret.Testing;

namespace Ferret.Publishing.Tests;

/// <summary>
/// The product brief's four docs-site pages (/work/shared/seeds): Ferret's text page for each detection must
/// carry every line the seed shows, values taken from the content snapshot. The few seed lines Ferret
/// renders differently are listed with their reason in Fixtures/seed-differences.tsv.
/// </summary>
public sealed partial class SeedPageTests
{
    public static TheoryData<string, string> Seeds => new()
    {
        { "000_648b55f650a8f4f6.txt", "Windows PowerShell WMI Win32 ScheduledJob" },
        { "002_7e3e582ad0ceeadc.txt", "WinEvent Scheduled Task Created to Spawn Shell" },
        { "003_0e80d8d09cb0166f.txt", "WMI Permanent Event Subscription" },
        { "004_c82ae82381587e3a.txt", "Windows WMI Process Call Create" },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_text_page_carries_every_line_of_the_seed_page(string seedFile, string detectionName)
    {
        var seed = File.ReadAllText(SharedCorpus.Require(Path.Combine("seeds", seedFile)));
        var page = RenderText(detectionName);

        var pageLines = page.Split('\n').Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var differences = Differences(seedFile);
        var missing = SeedLines(seed)
            .Where(line => !pageLines.Contains(line) && !differences.Contains(line))
            .ToList();

        Assert.True(missing.Count == 0, $"seed lines missing from Ferret's page:\n{string.Join('\n', missing)}\n--- page ---\n{page}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_listed_difference_is_a_seed_line_the_page_lacks(string seedFile, string detectionName)
    {
        var seedLines = SeedLines(File.ReadAllText(SharedCorpus.Require(Path.Combine("seeds", seedFile)))).ToHashSet(StringComparer.Ordinal);
        var pageLines = RenderText(detectionName).Split('\n').Select(Normalize).ToHashSet(StringComparer.Ordinal);

        var stale = Differences(seedFile, includeShared: false).Where(line => !seedLines.Contains(line) || pageLines.Contains(line)).ToList();

        Assert.True(stale.Count == 0, $"listed in seed-differences.tsv but not a difference:\n{string.Join('\n', stale)}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_text_page_matches_its_golden_file(string seedFile, string detectionName)
    {
        _ = seedFile;
        PublishingFixtures.AssertGolden($"{DetectionNames.Slug(detectionName)}.txt", RenderText(detectionName));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_version_shown_is_the_content_snapshots(string seedFile, string detectionName)
    {
        _ = seedFile;
        var detection = PublishingFixtures.EscuContent().Detections.Single(d => d.Name == detectionName);

        Assert.EndsWith($"| Version: {detection.Version}\n", RenderText(detectionName), StringComparison.Ordinal);
    }

    private static string RenderText(string detectionName)
    {
        var content = PublishingFixtures.EscuContent();
        var detection = content.Detections.Single(d => d.Name == detectionName);
        var results = TestResultsFile.Parse(PublishingFixtures.Read("Fixtures/seed-test-results.json"));
        return new TextDocRenderer().Render(DetectionPage.Build(detection, content, results));
    }

    /// <summary>The seed's lines with wrapped table rows joined (a row with fewer cells than its table's rule takes the next line).</summary>
    private static IEnumerable<string> SeedLines(string seed)
    {
        var lines = seed.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(Normalize).Where(l => l.Length > 0).ToList();
        var columns = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (RulePattern().IsMatch(line))
            {
                columns = line.Count(c => c == '|');
                yield return line;
                continue;
            }

            if (columns > 0 && line.EndsWith('|'))
            {
                while (line.Count(c => c == '|') < columns && i + 1 < lines.Count)
                {
                    line = $"{line} {lines[++i]}";
                }

                yield return line;
                continue;
            }

            columns = 0;
            if (line != "-")
            {
                yield return line;
            }
        }
    }

    private static HashSet<string> Differences(string seedFile, bool includeShared = true) =>
        PublishingFixtures.Read("Fixtures/seed-differences.tsv")
            .Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .Where(columns => columns.Length == 3 && (columns[0] == seedFile || (includeShared && columns[0] == "*")))
            .Select(columns => Normalize(columns[1]))
            .ToHashSet(StringComparer.Ordinal);

    private static string Normalize(string line) => WhitespacePattern().Replace(line.Trim(), " ");

    [GeneratedRegex(@"^(---\|)+$")]
    private static partial Regex RulePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
