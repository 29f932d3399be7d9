using Ferret.Content;
using Ferret.Content.Validation;
using Ferret.Events;
using Ferret.Spl.Macros;
using Ferret.Testing;

namespace Ferret.Spl.Tests.Corpus;

/// <summary>The shared ESCU snapshot, loaded once per test run.</summary>
internal static class EscuCorpus
{
    private static readonly Lazy<(ContentRepository Repository, MacroTable Macros)> Loaded = new(() =>
    {
        var repository = ContentRepository.Load(SharedCorpus.Root + "/escu", new ProblemCollector());
        return (repository, repository.Macros);
    });

    public static ContentRepository Repository
    {
        get
        {
            SharedCorpus.Require("escu/detections");
            return Loaded.Value.Repository;
        }
    }

    public static MacroTable Macros
    {
        get
        {
            SharedCorpus.Require("escu/macros");
            return Loaded.Value.Macros;
        }
    }
}
