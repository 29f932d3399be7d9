namespace Ferret.Server.Hec;

/// <summary>
/// A HEC token as inputs.conf's <c>[http://NAME]</c> stanza sets it: the token, the index used when an event names
/// none, the indexes an event may name (empty: any declared index), indexer acknowledgement (<c>useACK</c>), and
/// default metadata.
/// </summary>
internal sealed record HecToken(string Value)
{
    public string DefaultIndex { get; init; } = "main";

    public IReadOnlyList<string> AllowedIndexes { get; init; } = [];

    public bool UseAck { get; init; }

    public bool Disabled { get; init; }

    public string? DefaultSourceType { get; init; }

    public string? DefaultSource { get; init; }

    public string? DefaultHost { get; init; }

    public bool Allows(string index) => AllowedIndexes.Count == 0 || AllowedIndexes.Contains(index, StringComparer.Ordinal);
}
