using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Detection.Testing;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge;

namespace Ferret.Detection.Tests.Testing;

/// <summary>
/// <c>ferret test</c> on a Correlation detection, which contentctl refused ("Detection type Correlation cannot be
/// tested"): its attack data is risk events in ES's summary-index format (sourcetype <c>stash</c>), read into
/// <c>index=risk</c> so the Risk data model the detection reads holds them.
/// </summary>
public sealed class CorrelationTestTests
{
    private const string RiskEvents = """
        12/01/2026 10:00:00 +0000, search_name="ESCU - Fixture A - Rule", risk_object="wks-9", risk_object_type="system", risk_score="60", risk_message="first"
        12/01/2026 10:05:00 +0000, search_name="ESCU - Fixture B - Rule", risk_object="wks-9", risk_object_type="system", risk_score="70", risk_message="second"
        12/01/2026 10:07:00 +0000, search_name="ESCU - Fixture A - Rule", risk_object="wks-2", risk_object_type="system", risk_score="30", risk_message="alone"
        """;

    private static string Correlation(string sourcetype) => $$"""
        name: Fixture Risk Object Over Threshold
        id: 0f2c9b1e-5d8a-4c3e-9a41-7b6d2e8f1a90
        version: 1
        date: '2026-12-03'
        author: Ferret tests
        status: production
        type: Correlation
        description: A system whose risk events from more than one detection add up to more than 100.
        data_source: []
        search: '| tstats sum(All_Risk.risk_score) as risk_score dc(All_Risk.search_name) as detections from datamodel=Risk.All_Risk where All_Risk.risk_object_type="system" by All_Risk.risk_object | rename All_Risk.risk_object as risk_object | where risk_score > 100 AND detections > 1'
        how_to_implement: Risk events in index=risk.
        known_false_positives: None.
        references: []
        tags:
          analytic_story:
          - Ferret Sample Persistence
          asset_type: Endpoint
          confidence: 70
          impact: 90
          message: Risk threshold exceeded on $risk_object$
          mitre_attack_id:
          - T1059
          observable:
          - name: risk_object
            type: Hostname
            role:
            - Victim
          product:
          - Splunk Enterprise Security
          risk_score: 63
          security_domain: endpoint
        tests:
        - name: True Positive Test
          attack_data:
          - data: https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/fixture/risk/risk.log
            source: risk
            sourcetype: {{sourcetype}}
        """;

    [Theory]
    [InlineData("12/01/2026 10:05:00 +0000, search_name=\"a\", risk_object=\"wks-9\"", "2026-12-01T10:05:00Z")]
    [InlineData("08/15/2012 10:00:00, search_name=\"summary - count by user\", count=17, user=mary", "2012-08-15T10:00:00Z")]
    public void A_stash_event_takes_its_time_from_its_leading_timestamp_with_or_without_a_zone(string line, string time)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ferret-stash-{Guid.NewGuid():N}.log");
        File.WriteAllText(file, line + "\n");
        try
        {
            var knowledge = KnowledgeBase.LoadDefault();
            var problems = new ProblemCollector();

            var read = Assert.Single(InputReader.ReadFile(file, new IngestOptions { SourceType = "stash", IndexTime = knowledge.IndexTime }, problems).ToList());

            Assert.Empty(problems.Problems);
            Assert.Equal(EpochTime.FromDateTimeOffset(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture)), read.Time);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("stash", TestStatus.Pass, 1)]
    [InlineData("not_stash", TestStatus.Fail, 0)]
    public void A_correlation_detection_is_tested_over_its_risk_events_read_into_the_risk_index(string sourcetype, TestStatus status, int results)
    {
        using var sample = SampleContent.Extract();
        var attackData = Directory.CreateTempSubdirectory("ferret-correlation-").FullName;
        try
        {
            var detectionFile = Path.Combine(sample.ContentDirectory, "detections", "endpoint", "fixture_risk_object_over_threshold.yml");
            File.WriteAllText(detectionFile, Correlation(sourcetype));
            Directory.CreateDirectory(Path.Combine(attackData, "datasets", "fixture", "risk"));
            File.WriteAllText(Path.Combine(attackData, "datasets", "fixture", "risk", "risk.log"), RiskEvents + "\n");
            var problems = new ProblemCollector();
            var content = ContentRepository.Load(sample.ContentDirectory, problems).WithEnvironmentDefaults(problems);
            var correlation = Assert.Single(content.ActiveDetections, d => d.Type == DetectionTypes.Correlation);

            var run = TestRunner.Run(new TestRequest { Content = content, Detections = [correlation], AttackDataRoot = attackData }, KnowledgeBase.LoadDefault());

            var test = Assert.Single(Assert.Single(run.Detections).Tests);
            Assert.True(test.Status == status, $"{test.Status}: {test.Message}");
            Assert.Equal(results, test.ResultCount);
        }
        finally
        {
            Directory.Delete(attackData, recursive: true);
        }
    }
}
