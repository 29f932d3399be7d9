using System.Text;
using Ferret.Content;
using Ferret.Detection.Search;
using Ferret.Detection.Testing;
using Ferret.Engine.GeoIp;
using Ferret.Events;
using Ferret.Knowledge;
using Ferret.Testing;

namespace Ferret.Detection.Tests.Testing;

/// <summary>
/// <c>ferret test</c> over every active ESCU detection with the attack data present in the shared corpus: pins each
/// test that ran (status, result count, notables and risk events, and the reason), and the totals. A change of
/// verdict shows up here as a one-line diff naming the detection.
/// </summary>
public sealed class EscuAttackDataGoldenTests
{
    [Fact]
    public void ESCU_tests_over_the_shared_attack_data_give_the_pinned_verdicts()
    {
        var escu = SharedCorpus.Require("escu");
        var attackData = SharedCorpus.Require("data/attack_data");
        var geoIp = GeoIpDatabaseLocator.Resolve(null).Database;
        if (geoIp is null)
        {
            Assert.Skip("no GeoIP database found (Debian: apt-get install geoip-database), which a pinned PingID test needs");
        }

        var problems = new ProblemCollector();
        var content = ContentRepository.Load(escu, problems).WithEnvironmentDefaults(problems);
        var request = new TestRequest
        {
            Content = content,
            Detections = [.. content.ActiveDetections],
            AttackDataRoot = attackData,
            Lookups = new ContentLookupResolver(content.Lookups, problems),
            GeoIp = geoIp,
        };

        var run = TestRunner.Run(request, KnowledgeBase.LoadDefault());

        var text = new StringBuilder();
        foreach (var detection in run.Detections)
        {
            foreach (var test in detection.Tests.Where(t => t.Status != TestStatus.Skip))
            {
                text.Append(FormattableString.Invariant(
                    $"{test.Status} | {detection.Detection.Name} | {test.ResultCount} results | {test.Notables}/{test.RiskEvents} | {test.Message}\n"));
            }
        }

        text.Append(FormattableString.Invariant(
            $"pass {run.Count(TestStatus.Pass)}, fail {run.Count(TestStatus.Fail)}, error {run.Count(TestStatus.Error)}, skip {run.Count(TestStatus.Skip)}\n"));
        GoldenFile.AssertMatches("tests/Ferret.Detection.Tests/Golden", "escu-attack-data-tests.txt", text.ToString());
    }
}
