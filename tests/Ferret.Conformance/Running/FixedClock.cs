namespace Ferret.Conformance.Running;

/// <summary>A clock pinned to one instant, so <c>now()</c> and relative time modifiers give the same answer every run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
