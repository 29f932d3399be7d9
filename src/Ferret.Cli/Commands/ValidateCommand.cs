using System.CommandLine;

namespace Ferret.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "Parse and expand every detection's search; report each problem with its file, line and column.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("ferret validate: not available in this build yet");
            return 2;
        });
        return command;
    }
}
