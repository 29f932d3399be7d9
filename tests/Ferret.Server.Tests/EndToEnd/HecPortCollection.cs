namespace Ferret.Server.Tests.EndToEnd;

/// <summary>Tests that bind HEC's port 8088 (replay.py always sends there) run one after another, never in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HecPortCollection
{
    public const string Name = "HEC port 8088";
}
