namespace Ferret.Events;

/// <summary>
/// Where an event came from: the input file (for a member of an archive, the archive's path) and the event's position
/// in it, counted from 1 in reading order (for line formats this is the event's number, not its line).
/// </summary>
public sealed record EventOrigin(string File, long Position);
