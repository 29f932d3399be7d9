using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Events;
using Ferret.Knowledge;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>Runs hunts the way the CLI does: content with Ferret's environment macros, the default knowledge.</summary>
internal static class HuntFixture
{
    private static readonly Lazy<HuntResult> EscuOverEvtxAttackSamplesHunt = new(
        () => Hunt(Ferret.Testing.SharedCorpus.Require("escu"), [Ferret.Testing.SharedCorpus.Require("data/evtx-attack-samples")]));

    /// <summary>Every ESCU detection over evtx-attack-samples, hunted once for the tests that read it (a minute or two).</summary>
    public static HuntResult EscuOverEvtxAttackSamples()
    {
        Ferret.Testing.SharedCorpus.Require("escu");
        Ferret.Testing.SharedCorpus.Require("data/evtx-attack-samples");
        return EscuOverEvtxAttackSamplesHunt.Value;
    }

    public static HuntResult Hunt(string contentDirectory, IReadOnlyList<string> inputs, params string[] detections) =>
        Hunt(contentDirectory, inputs, new Ingest.IngestOptions(), detections);

    /// <summary>A hunt whose inputs are read as <paramref name="ingest"/> says (the CLI's --sourcetype, --source).</summary>
    public static HuntResult Hunt(string contentDirectory, IReadOnlyList<string> inputs, Ingest.IngestOptions ingest, params string[] detections)
    {
        var problems = new ProblemCollector();
        var content = ContentRepository.Load(contentDirectory, problems).WithEnvironmentDefaults(problems);
        var selection = DetectionSelection.Choose(content.Detections, detections, story: null);
        var request = new HuntRequest { Content = content, Detections = selection.Selected, Inputs = inputs, Ingest = ingest };
        return HuntRunner.Run(request, KnowledgeBase.LoadDefault());
    }
}
