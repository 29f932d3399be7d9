using System.CommandLine;

namespace Ferret.Cli.Commands;

internal static class HuntCommand
{
    public static Command Create()
    {
        var command = new Command("hunt", "Hunt through logs with detections: report notable and risk events.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("ferret hunt: not available in this build yet");
            return 2;
        });
        return command;
    }
}
