using System.CommandLine;
using System.CommandLine.Parsing;

namespace Ferret.Cli.Options;

/// <summary>
/// The options every subcommand spells the same way: <c>-c/--content</c>, <c>-i/--input</c> (<c>-</c> for stdin),
/// <c>-o/--output</c>, <c>-f/--format</c>, <c>-d/--detection</c> (repeatable, globs), <c>--earliest/--latest</c>,
/// <c>--sourcetype</c>, <c>--quiet</c>, <c>--no-color</c> and <c>--time-zone</c>. A subcommand takes the ones it uses
/// from here, so a name means the same thing everywhere.
/// </summary>
internal static class CommonOptions
{
    public static Option<string?> Content(string description, bool required = false) =>
        new("--content", "-c") { Description = description, Required = required, HelpName = "DIR" };

    /// <summary>Inputs: repeatable, several per token (<c>-i a.evtx b.evtx</c>), stopping at the next option. A value
    /// that looks like an option is refused rather than taken for a path, so a misspelt option after the inputs is an
    /// error, not a file that does not exist.</summary>
    public static Option<string[]> Inputs(string description)
    {
        var option = new Option<string[]>("--input", "-i")
        {
            Description = description + " Repeatable; '-' reads standard input.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "PATH",
        };
        option.Validators.Add(RefuseOptionLikeValues);
        return option;
    }

    public static Option<string?> Output(string description, bool required = false) =>
        new("--output", "-o") { Description = description, Required = required, HelpName = "PATH" };

    public static Option<string> Format(string description, string defaultValue, params string[] allowed)
    {
        var option = new Option<string>("--format", "-f") { Description = description, DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    /// <summary><c>--detection</c>, with <c>--detections</c> kept as an alias for the scripts that used it.</summary>
    public static Option<string[]> Detections(string description)
    {
        var option = new Option<string[]>("--detection", "-d", "--detections")
        {
            Description = description,
            AllowMultipleArgumentsPerToken = true,
            HelpName = "NAME|GLOB",
        };
        option.Validators.Add(RefuseOptionLikeValues);
        return option;
    }

    public static Option<string?> Earliest() =>
        new("--earliest") { Description = "Only events at or after this time: a Splunk time modifier (-24h@h, an epoch) or an ISO 8601 time (2019-03-19T00:00:00Z).", HelpName = "TIME" };

    public static Option<string?> Latest() =>
        new("--latest") { Description = "Only events before this time (same forms as --earliest).", HelpName = "TIME" };

    /// <summary>Forces the sourcetype of every input, as a Splunk input's sourcetype setting would.</summary>
    public static Option<string?> SourceType() =>
        new("--sourcetype") { Description = "Read every input as this sourcetype (e.g. XmlWinEventLog, WinEventLog, _json) instead of sniffing each file's format.", HelpName = "NAME" };

    public static Option<bool> Quiet(string description) => new("--quiet", "-q") { Description = description };

    public static Option<bool> NoColor() =>
        new("--no-color") { Description = "No colours in terminal output (also when NO_COLOR is set or output is redirected)." };

    public static Option<string?> TimeZone() =>
        new("--time-zone") { Description = "Show times in this zone: UTC (default), local, or an IANA name such as Europe/Paris.", HelpName = "ZONE" };

    private static void RefuseOptionLikeValues(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length > 1 && token.Value[0] == '-')
            {
                result.AddError($"unknown option '{token.Value}' (after {result.IdentifierToken?.Value ?? result.Option.Name}); a path that starts with '-' can be given as ./{token.Value}");
            }
        }
    }
}
