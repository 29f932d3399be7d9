using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Detection.Tests.Notables;

namespace Ferret.Detection.Tests.Hunting;

public sealed class DetectionFilterTests
{
    public static TheoryData<DetectionFilter, bool> Filters => new()
    {
        { new DetectionFilter(), true },
        { new DetectionFilter { Patterns = ["Scheduled*"] }, true },
        { new DetectionFilter { Patterns = ["WMI*"] }, false },
        { new DetectionFilter { Excludes = ["*Shell"] }, false },
        { new DetectionFilter { Types = ["ttp"] }, true },
        { new DetectionFilter { Types = ["Anomaly", "Hunting"] }, false },
        { new DetectionFilter { Stories = ["scheduled*"] }, true },
        { new DetectionFilter { Stories = ["Ransomware"] }, false },
        { new DetectionFilter { Tags = ["T1053"] }, true },
        { new DetectionFilter { Tags = ["T1053.005"] }, true },
        { new DetectionFilter { Tags = ["Persistence"] }, true },
        { new DetectionFilter { Tags = ["endpoint"] }, true },
        { new DetectionFilter { Tags = ["Credential Access"] }, false },
        { new DetectionFilter { MinLevel = FindingLevel.Medium }, true },
        { new DetectionFilter { MinLevel = FindingLevel.High }, false },
        { new DetectionFilter { Types = ["TTP"], Tags = ["Discovery"] }, false },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void A_filter_keeps_a_detection_only_when_every_list_it_sets_matches(DetectionFilter filter, bool kept)
    {
        Assert.Equal(kept, filter.Accepts(DetectionFixtures.ScheduledTaskTtp(DetectionTypes.Ttp)));
    }
}
