using System.Text;

namespace Ferret.Spl.Tables;

/// <summary>
/// Renders docs/spl-support.md from <see cref="CommandTable"/> and <see cref="FunctionTable"/>. The engine knows what it
/// runs, so it passes its verdict per command and per function (e.g. "yes", "partial: no sparkline", "no"); a null verdict
/// prints as "parsed only". Pure: the caller writes the file.
/// </summary>
public static class SplSupportDocument
{
    public static string Render(Func<CommandInfo, string?> commandSupport, Func<FunctionInfo, string?> functionSupport)
    {
        var builder = new StringBuilder();
        builder.AppendLine("# SPL support")
            .AppendLine()
            .AppendLine("Generated from the one registry of the language, `Ferret.Spl.Tables.CommandTable` and `FunctionTable`, with the")
            .AppendLine("engine's verdicts (`Ferret.Engine.EngineSupport`); do not edit by hand. Every search goes through one compile pipeline")
            .AppendLine("(`ferret validate`, `hunt`, `test`, `search` and `serve` alike): macros expanded, the text parsed once, the tree bound")
            .AppendLine("against these tables. A command not listed is the error SPL3014 (\"Unknown search command\", with a did-you-mean where")
            .AppendLine("one is close); an unknown eval or statistical function (SPL3002, SPL3006) or a wrong number of arguments (SPL3003) is")
            .AppendLine("an error too. A listed command or function Ferret does not run is reported as not supported where the last column says so.")
            .AppendLine()
            .AppendLine("## Commands")
            .AppendLine()
            .AppendLine("| command | kind | syntax parsed | Ferret runs it |")
            .AppendLine("|---|---|---|---|");
        foreach (var command in CommandTable.All.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var name = command.Aliases.Count == 0 ? $"`{command.Name}`" : $"`{command.Name}` (alias {string.Join(", ", command.Aliases.Select(a => $"`{a}`"))})";
            builder.AppendLine($"| {name} | {command.Kind.ToString().ToLowerInvariant()} | `{Escape(command.Syntax)}` | {Escape(commandSupport(command) ?? "parsed only")} |");
        }

        AppendFunctions(builder, "Eval functions", FunctionTable.Eval, functionSupport);
        AppendFunctions(builder, "Statistical functions", FunctionTable.Aggregates, functionSupport);
        return builder.ToString();
    }

    private static void AppendFunctions(StringBuilder builder, string title, IEnumerable<FunctionInfo> functions, Func<FunctionInfo, string?> support)
    {
        builder.AppendLine()
            .AppendLine($"## {title}")
            .AppendLine()
            .AppendLine("| function | arguments | category | description | Ferret runs it |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var function in functions.OrderBy(f => f.Category, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            var arity = function.MaxArguments switch
            {
                null => $"{function.MinArguments}+",
                var max when max == function.MinArguments => $"{max}",
                var max => $"{function.MinArguments}-{max}",
            };
            builder.AppendLine(
                $"| `{function.Name}` | {arity} | {function.Category} | {Escape(function.Description)} | {Escape(support(function) ?? "parsed only")} |");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
