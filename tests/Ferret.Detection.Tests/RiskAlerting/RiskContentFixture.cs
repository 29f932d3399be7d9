using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Events;
using Ferret.Knowledge;

namespace Ferret.Detection.Tests.RiskAlerting;

/// <summary>
/// A content folder written for the risk tests: four TTP detections (one per signature 1 to 4), each with a risk of 25
/// on <c>dest</c> (impact 50 x confidence 50 / 100) and its own ATT&amp;CK techniques, and one Correlation detection over
/// the Risk data model; and events that give them findings at chosen times.
/// </summary>
internal sealed class RiskContentFixture : IDisposable
{
    /// <summary>2024-05-01T00:00:00Z.</summary>
    public const double Day0 = 1714521600;

    /// <summary>Each signature's technique: T1053.005 (Execution, Persistence, Privilege Escalation), T1003 (Credential Access),
    /// T1021 (Lateral Movement), T1087 (Discovery).</summary>
    private static readonly string[] Techniques = ["T1053.005", "T1003", "T1021", "T1087"];

    public RiskContentFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ferret-risk-" + Guid.NewGuid().ToString("N"));
        var detections = Path.Combine(Directory, "detections", "endpoint");
        System.IO.Directory.CreateDirectory(detections);
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "macros"));
        for (var signature = 1; signature <= 4; signature++)
        {
            File.WriteAllText(Path.Combine(detections, $"signature_{signature}.yml"), $"""
                name: Signature {signature}
                id: 00000000-0000-4000-8000-00000000000{signature}
                version: 1
                date: '2024-05-01'
                author: Ferret tests
                status: production
                type: TTP
                description: Signature {signature} seen.
                search: 'index=main sourcetype=ferret:risk signature={signature} | table _time dest signature'
                tags:
                  analytic_story:
                  - Ferret Risk Story
                  confidence: 50
                  impact: 50
                  message: signature {signature} on $dest$
                  mitre_attack_id:
                  - {Techniques[signature - 1]}
                  observable:
                  - name: dest
                    type: Hostname
                    role:
                    - Victim
                  security_domain: endpoint
                """);
        }

        File.WriteAllText(Path.Combine(detections, "ferret_risk_story_behavior.yml"), """
            name: Ferret Risk Story Behavior
            id: 00000000-0000-4000-8000-000000000010
            version: 1
            date: '2024-05-01'
            author: Ferret tests
            status: production
            type: Correlation
            description: Four detections of the story on one system.
            search: '| tstats summariesonly=false sum(All_Risk.calculated_risk_score) as risk_score, dc(source) as source_count, values(source) as source from datamodel=Risk.All_Risk where All_Risk.analyticstories="Ferret Risk Story" All_Risk.risk_object_type="system" by All_Risk.risk_object All_Risk.risk_object_type | `drop_dm_object_name(All_Risk)` | where source_count >= 4'
            tags:
              analytic_story:
              - Ferret Risk Story
              confidence: 100
              impact: 100
              message: the story on $risk_object$
              mitre_attack_id:
              - T1053.005
              observable:
              - name: risk_object
                type: Hostname
                role:
                - Victim
              security_domain: endpoint
            """);
        var problems = new ProblemCollector();
        Content = ContentRepository.Load(Directory, problems);
    }

    public string Directory { get; }

    public ContentRepository Content { get; }

    /// <summary>One event of <paramref name="signature"/> on <paramref name="dest"/>, <paramref name="hours"/> after <see cref="Day0"/>.</summary>
    public static Event Seen(int signature, string dest, double hours)
    {
        var e = new Event();
        e.Set("_time", Day0 + (hours * 3600));
        e.Set("_raw", $"signature={signature} dest={dest}");
        e.Set("index", "main");
        e.Set("sourcetype", "ferret:risk");
        e.Set("signature", signature);
        e.Set("dest", dest);
        return e;
    }

    public HuntResult Hunt(IReadOnlyList<Event> events, IReadOnlyList<Detection.RiskAlerting.RiskIncidentRule>? rules = null) =>
        HuntRunner.Run(
            new HuntRequest
            {
                Content = Content,
                Detections = Content.Detections,
                Inputs = [],
                Events = events,
                RiskIncidentRules = rules ?? Detection.RiskAlerting.RiskIncidentRules.Default,
            },
            KnowledgeBase.LoadDefault());

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
