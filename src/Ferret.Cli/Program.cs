using System.CommandLine;
using System.CommandLine.Help;
using Ferret.Cli.Commands;

var root = new RootCommand(
    "Ferret runs Splunk's ESCU security content (SPL detections) directly on raw Windows and JSON logs, without a Splunk server.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);

// Usage errors (an unknown option, a missing or invalid value) exit 2, apart from the 1 a subcommand uses for
// findings or failures.
if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
{
    var name = parsed.CommandResult.Command == root ? "ferret" : $"ferret {parsed.CommandResult.Command.Name}";
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"{name}: {error.Message}");
    }

    Console.Error.WriteLine($"Run '{name} --help' for the options.");
    return 2;
}

return parsed.Invoke();
