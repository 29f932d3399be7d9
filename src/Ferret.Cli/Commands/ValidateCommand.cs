using System.CommandLine;
using System.Text.Json;
using Ferret.Content;
using Ferret.Detection.Compilation;
using Ferret.Events;

namespace Ferret.Cli.Commands;

/// <summary><c>ferret validate --content DIR [--format text|json]</c>: compiles every detection's search (expands, parses,
/// binds against the command and function registry) and reports each problem as <c>path:line:col: error SPLnnnn: message</c>. Exit code 1 when any detection has errors.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var content = new Option<DirectoryInfo>("--content")
        {
            Description = "The content folder (ESCU layout: detections/, macros/, lookups/...).",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (one line per problem, then a summary) or json (one array).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("validate", "Compile every detection's search (expand, parse, bind); report each problem with its file, line and column.");
        command.Options.Add(content);
        command.Options.Add(format);
        command.SetAction(parseResult => Run(parseResult.GetValue(content)!, parseResult.GetValue(format) ?? "text"));
        return command;
    }

    private static int Run(DirectoryInfo contentFolder, string format)
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
            WriteJson(results, Display);
        }
        else
        {
            WriteText(results, problems, Display);
        }

        return results.Any(r => !r.IsValid) ? 1 : 0;
    }

    private static void WriteText(IReadOnlyList<DetectionCompilation> results, ProblemCollector problems, Func<string, string> display)
    {
        foreach (var problem in problems.Problems)
        {
            Console.Error.WriteLine(problem.ToString());
        }

        foreach (var result in results)
        {
            foreach (var placed in result.Problems)
            {
                Console.WriteLine(placed.Format(display(placed.FilePath)));
            }
        }

        var failed = results.Count(r => !r.IsValid);
        var unsupported = results.Count(r => r.IsValid && !r.IsOk);
        var active = results.Where(r => !r.Detection.IsDeprecated).ToList();
        var deprecated = results.Where(r => r.Detection.IsDeprecated).ToList();
        Console.WriteLine(
            $"{results.Count} detections: {results.Count - failed} ok, {failed} with errors "
            + $"(active: {active.Count(r => r.IsValid)}/{active.Count} ok; deprecated: {deprecated.Count(r => r.IsValid)}/{deprecated.Count} ok); "
            + $"{unsupported} valid but using what Ferret does not run");
    }

    private static void WriteJson(IReadOnlyList<DetectionCompilation> results, Func<string, string> display)
    {
        using var stream = Console.OpenStandardOutput();
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
        stream.WriteByte((byte)'\n');
    }
}
