using System.CommandLine;

namespace Ferret.Cli.Commands;

internal static class DocsCommand
{
    public static Command Create()
    {
        var command = new Command("docs", "Write one page per detection in the research-site layout.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("ferret docs: not available in this build yet");
            return 2;
        });
        return command;
    }
}
