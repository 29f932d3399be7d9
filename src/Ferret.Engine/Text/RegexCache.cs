using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Ferret.Engine.Text;

/// <summary>
/// Translated, constructed regular expressions shared by every run (a <see cref="Regex"/> is thread-safe).
/// Each carries the run's match timeout so a runaway pattern stops instead of hanging the run.
/// </summary>
public static class RegexCache
{
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options, TimeSpan Timeout), Regex> Cache = new();

    /// <summary>Translates a PCRE pattern; <paramref name="error"/> says why when it cannot be used.</summary>
    public static bool TryGet(string pcre, RegexOptions options, TimeSpan timeout, out Regex regex, out string error)
    {
        regex = null!;
        if (!PcreTranslator.TryTranslate(pcre, out var dotnet, out error))
        {
            return false;
        }

        regex = Cache.GetOrAdd((dotnet, options | RegexOptions.CultureInvariant, timeout),
            key => new Regex(key.Pattern, key.Options, key.Timeout));
        return true;
    }

    public static Regex GetTranslated(string dotnetPattern, RegexOptions options, TimeSpan timeout) =>
        Cache.GetOrAdd((dotnetPattern, options | RegexOptions.CultureInvariant, timeout),
            key => new Regex(key.Pattern, key.Options, key.Timeout));
}
