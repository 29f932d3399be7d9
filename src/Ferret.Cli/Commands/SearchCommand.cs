using System.CommandLine;

namespace Ferret.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var command = new Command("search", "Run an ad-hoc SPL search over logs.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("ferret search: not available in this build yet");
            return 2;
        });
        return command;
    }
}
