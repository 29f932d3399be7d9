using System.CommandLine;
using Ferret.Cli.Commands;

var root = new RootCommand(
    "Ferret runs Splunk's ESCU security content (SPL detections) directly on raw Windows and JSON logs, without a Splunk server.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return root.Parse(args).Invoke();
