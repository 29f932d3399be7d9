using System.CommandLine;

namespace Ferret.Cli.Commands;

internal static class BuildCommand
{
    public static Command Create()
    {
        var command = new Command("build", "Build a Splunk app (savedsearches.conf, macros.conf, ...) from the content.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("ferret build: not available in this build yet");
            return 2;
        });
        return command;
    }
}
