namespace Ferret.Server.Hec;

/// <summary>The metadata an event is indexed with, before the token's defaults fill what is missing.</summary>
internal sealed record EventMetadata(string? Index, string? Host, string? Source, string? SourceType, double? Time);
