using System.CommandLine;

namespace Ferret.Cli.Commands;

internal static class TestCommand
{
    public static Command Create()
    {
        var command = new Command("test", "Test detections offline against their attack datasets, as contentctl does.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("ferret test: not available in this build yet");
            return 2;
        });
        return command;
    }
}
