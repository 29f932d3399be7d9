using System.CommandLine;

namespace Ferret.Cli.Commands;

/// <summary>Every subcommand of <c>ferret</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        HuntCommand.Create(),
        SearchCommand.Create(),
        TestCommand.Create(),
        ValidateCommand.Create(),
        EvtxCommand.Create(),
        BuildCommand.Create(),
        DocsCommand.Create(),
        ServeCommand.Create(),
    ];
}
