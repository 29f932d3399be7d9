using Ferret.Detection.Hunting;

namespace Ferret.Cli.Options;

/// <summary>
/// Colours by finding level on a terminal (ANSI SGR codes): critical and high red, medium yellow, low cyan,
/// informational dim. Off with --no-color, when NO_COLOR is set (no-color.org), or when the stream is redirected.
/// </summary>
internal static class TerminalColour
{
    public static Func<FindingLevel, string, string>? For(bool redirected, bool noColor) =>
        noColor || redirected || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 } ? null : Paint;

    private static string Paint(FindingLevel level, string text)
    {
        var code = level switch
        {
            FindingLevel.Critical => "1;31",
            FindingLevel.High => "31",
            FindingLevel.Medium => "33",
            FindingLevel.Low => "36",
            _ => "2",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }
}
