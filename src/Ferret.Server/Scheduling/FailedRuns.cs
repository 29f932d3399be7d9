namespace Ferret.Server.Scheduling;

/// <summary>What the scheduler does after a scheduled run failed: try it again in a later round, or give it up.</summary>
internal enum FailedRunVerdict
{
    RetryNextRound,
    GiveUp,
}

/// <summary>
/// The scheduler's count of failed attempts per scheduled run (keyed by its sid). A run that throws (the store cannot be
/// read, the actions cannot be written) is tried again in the next rounds, so a passing fault loses no window; after
/// <see cref="MaxAttempts"/> failures it is given up, recorded as handled and logged as skipped, so that one broken run
/// neither retries every few seconds forever nor holds back the scheduled times after it. In memory: a restart gives a
/// failed run fresh attempts, as it gives an interrupted one.
/// </summary>
internal sealed class FailedRuns
{
    public const int MaxAttempts = 3;

    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);

    /// <summary>Counts a failure of <paramref name="sid"/>; returns which attempt it was and what to do next.</summary>
    public (int Attempt, FailedRunVerdict Verdict) Failed(string sid)
    {
        var attempt = _attempts.GetValueOrDefault(sid) + 1;
        if (attempt >= MaxAttempts)
        {
            _attempts.Remove(sid);
            return (attempt, FailedRunVerdict.GiveUp);
        }

        _attempts[sid] = attempt;
        return (attempt, FailedRunVerdict.RetryNextRound);
    }

    /// <summary>Forgets the failures of a run that has now succeeded.</summary>
    public void Succeeded(string sid) => _attempts.Remove(sid);
}
