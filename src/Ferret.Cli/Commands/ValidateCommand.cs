using System.CommandLine;
using System.Text.Json;
using Ferret.Cli.Options;
using Ferret.Content;
using Ferret.Detection.Compilation;
using Ferret.Events;

namespace Ferret.Cli.Commands;

/// <summary><c>ferret validate -c DIR [-f text|json] [-o FILE]</c>: compiles every detection's search (expands, parses,
/// binds against the command and function registry) and reports each problem as <c>path:line:col: error SPLnnnn: message</c>.
/// Exit code 1 when any detection has errors, 2 when the content folder is missing.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content("The content folder (ESCU layout: detections/, macros/, lookups/...).", required: true);
        var format = CommonOptions.Format("Output format: text (one line per problem, then a summary) or json (one array).", "text", "text", "json");
        var output = CommonOptions.Output("Write the problems to this file instead of stdout.");
        var command = new Command("validate", "Compile every detection's search (expand, parse, bind); report each problem with its file, line and column.")
        {
            content, format, output,
        };
        command.SetAction(parseResult =>
        {
            using var target = parseResult.GetValue(output) is { } path ? File.Create(path) : Console.OpenStandardOutput();
            using var writer = new StreamWriter(target, new System.Text.UTF8Encoding(false));
            return Run(new DirectoryInfo(parseResult.GetValue(content)!), parseResult.GetValue(format) ?? "text", writer);
        });
        return command;
    }

    private static int Run(DirectoryInfo contentFolder, string format, TextWriter output)
    {
        if (!contentFolder.Exists)
        {
            Console.Error.WriteLine($"ferret validate: content folder not found: {contentFolder.FullName}");
            return 2;
        }

        var problems = new ProblemCollector();
        var repository = ContentRepository.Load(contentFolder.FullName, problems);
        var results = CompiledContent.Compile(repository).Compilations;
        var displayRoot = contentFolder.ToString();
        string Display(string path) => Path.Combine(displayRoot, Path.GetRelativePath(repository.Root, path));

        if (format == "json")
        {
            WriteJson(output, results, Display);
        }
        else
        {
            WriteText(output, results, problems, Display);
        }

        return results.Any(r => !r.IsValid) ? 1 : 0;
    }

    private static void WriteText(TextWriter output, IReadOnlyList<DetectionCompilation> results, ProblemCollector problems, Func<string, string> display)
    {
        foreach (var problem in problems.Problems)
        {
            Console.Error.WriteLine(problem.ToString());
        }

        foreach (var result in results)
        {
            foreach (var placed in result.Problems)
            {
                output.WriteLine(placed.Format(display(placed.FilePath)));
            }
        }

        var failed = results.Count(r => !r.IsValid);
        var unsupported = results.Count(r => r.IsValid && !r.IsOk);
        var active = results.Where(r => !r.Detection.IsDeprecated).ToList();
        var deprecated = results.Where(r => r.Detection.IsDeprecated).ToList();
        output.WriteLine(
            $"{results.Count} detections: {results.Count - failed} ok, {failed} with errors "
            + $"(active: {active.Count(r => r.IsValid)}/{active.Count} ok; deprecated: {deprecated.Count(r => r.IsValid)}/{deprecated.Count} ok); "
            + $"{unsupported} valid but using what Ferret does not run");
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<DetectionCompilation> results, Func<string, string> display)
    {
        using var stream = new MemoryStream();
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        writer.WriteStartArray();
        foreach (var result in results)
        {
            writer.WriteStartObject();
            writer.WriteString("file", display(result.Detection.FilePath));
            writer.WriteString("name", result.Detection.Name);
            writer.WriteString("status", result.Detection.Status);
            writer.WriteBoolean("deprecated", result.Detection.IsDeprecated);
            writer.WriteBoolean("ok", result.IsValid);
            writer.WriteBoolean("runnable", result.IsOk);
            writer.WriteStartArray("diagnostics");
            foreach (var placed in result.Problems)
            {
                writer.WriteStartObject();
                writer.WriteString("code", placed.Diagnostic.Code);
                writer.WriteString("severity", placed.Severity);
                writer.WriteNumber("line", placed.Line);
                writer.WriteNumber("column", placed.Column);
                writer.WriteNumber("offset", placed.Diagnostic.Span.Start);
                writer.WriteNumber("length", placed.Diagnostic.Span.Length);
                writer.WriteString("message", placed.Diagnostic.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.Flush();
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
    }
}
