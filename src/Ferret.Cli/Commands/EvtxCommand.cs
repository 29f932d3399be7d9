using System.CommandLine;

namespace Ferret.Cli.Commands;

internal static class EvtxCommand
{
    public static Command Create()
    {
        var command = new Command("evtx", "Work with Windows EVTX files.");
        var dump = new Command("dump", "Print every record of an EVTX file, one per line, as XML or JSON.");
        dump.SetAction(_ =>
        {
            Console.Error.WriteLine("ferret evtx dump: not available in this build yet");
            return 2;
        });
        command.Subcommands.Add(dump);
        return command;
    }
}
