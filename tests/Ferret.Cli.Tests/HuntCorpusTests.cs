using System.Text.Json;
using Ferret.Testing;

namespace Ferret.Cli.Tests;

/// <summary>The responder's hunt over the shared EVTX attack samples with every ESCU detection, as the issue's
/// acceptance reads it: filters narrow the findings, the JSON Lines timeline is in time order with the file and record
/// of every finding, every finding whose detection names a technique has its tactic, and no CSV cell is cut.</summary>
[Trait("Category", "Corpus")]
public sealed class HuntCorpusTests(HuntCorpusTests.FullHunt fixture) : IClassFixture<HuntCorpusTests.FullHunt>
{
    /// <summary>The full hunt; skips the test, saying why, where the shared corpus is absent.</summary>
    private FullHunt Full
    {
        get
        {
            SharedCorpus.Require("escu");
            SharedCorpus.Require("data/evtx-attack-samples");
            return fixture;
        }
    }

    [Fact]
    public void An_unknown_min_level_exits_2_with_a_message()
    {
        var result = CliRunner.Run([.. Full.Arguments, "--min-level", "nonsense"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--min-level: unknown level 'nonsense'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Min_level_high_returns_fewer_findings_all_high_or_above()
    {
        var high = Findings(CliRunner.Run([.. Full.Arguments, "--min-level", "high", "-f", "json", "--quiet"]));

        Assert.NotEmpty(high);
        Assert.True(high.Count < Full.Findings.Count, $"{high.Count} of {Full.Findings.Count}");
        Assert.All(high, f => Assert.Contains(f.GetProperty("level").GetString(), (string[])["high", "critical"]));
    }

    [Fact]
    public void A_time_window_returns_fewer_findings_all_inside_it()
    {
        var windowed = Findings(CliRunner.Run([.. Full.Arguments, "--earliest", "2019-05-01T00:00:00Z", "--latest", "2019-06-01T00:00:00Z", "-f", "json", "--quiet"]));

        Assert.NotEmpty(windowed);
        Assert.True(windowed.Count < Full.Findings.Count, $"{windowed.Count} of {Full.Findings.Count}");
        Assert.All(windowed.Where(f => f.GetProperty("time").GetString() is { Length: > 0 }), f => Assert.StartsWith("2019-05-", f.GetProperty("time").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Json_lines_findings_are_in_time_order_and_each_names_its_file_and_record()
    {
        var times = Full.Findings.Select(f => f.GetProperty("time").GetString()!).Where(t => t.Length > 0).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);

        // A statistics row over no events at all (stats with no BY clause gives one row of zeros) has no event behind it.
        var withEvents = Full.Findings.Where(f => !f.GetProperty("what").GetString()!.EndsWith("(no event matched it)", StringComparison.Ordinal)).ToList();
        Assert.True(withEvents.Count >= Full.Findings.Count - 5);
        Assert.All(withEvents, f =>
        {
            var provenance = f.GetProperty("provenance");
            Assert.True(provenance.GetArrayLength() > 0, f.GetProperty("detection").GetString());
            Assert.All(provenance.EnumerateArray(), p =>
            {
                Assert.True(File.Exists(p.GetProperty("file").GetString()), p.GetProperty("file").GetString());
                Assert.NotEqual(string.Empty, p.GetProperty("record").GetString());
            });
        });
    }

    [Fact]
    public void Every_finding_whose_detection_names_a_technique_has_its_tactic()
    {
        var withTechnique = Full.Findings.Where(f => f.GetProperty("techniques").GetArrayLength() > 0).ToList();

        Assert.NotEmpty(withTechnique);
        Assert.All(withTechnique, f => Assert.True(f.GetProperty("tactics").GetArrayLength() > 0, f.GetProperty("detection").GetString()));
    }

    [Fact]
    public void Hosts_are_known_for_findings_whose_events_name_their_computer()
    {
        Assert.DoesNotContain(Full.Findings, f => f.GetProperty("host").GetString() == "(unknown)" && f.GetProperty("provenance").GetArrayLength() > 0);
    }

    [Fact]
    public void No_csv_cell_is_cut()
    {
        var csv = CliRunner.Run([.. Full.Arguments, "-f", "csv", "--profile", "verbose", "--quiet"]).Stdout;
        var whats = Full.Findings.Select(f => f.GetProperty("what").GetString()!).ToList();

        Assert.Contains(whats, w => w.Length > 160);
        Assert.All(whats.Where(w => w.Length > 160), w => Assert.Contains(w.Replace("\"", "\"\"", StringComparison.Ordinal), csv, StringComparison.Ordinal));
        Assert.DoesNotContain("…", csv, StringComparison.Ordinal);
    }

    private static List<JsonElement> Findings(CliRunner.CliResult result)
    {
        Assert.Equal(0, result.ExitCode);
        return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    /// <summary>The whole hunt once, as JSON Lines, shared by the tests that read it.</summary>
    public sealed class FullHunt
    {
        public FullHunt()
        {
            var escu = Path.Combine(SharedCorpus.Root, "escu");
            var samples = Path.Combine(SharedCorpus.Root, "data", "evtx-attack-samples");
            Arguments = ["hunt", "-c", escu, "-i", samples];
            Findings = Directory.Exists(escu) && Directory.Exists(samples)
                ? HuntCorpusTests.Findings(CliRunner.Run([.. Arguments, "-f", "json", "--quiet"]))
                : [];
        }

        public string[] Arguments { get; }

        public List<JsonElement> Findings { get; }
    }
}
