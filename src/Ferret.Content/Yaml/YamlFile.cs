using Ferret.Events;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ferret.Content.Yaml;

/// <summary>
/// Reads one YAML file into a node tree that keeps line and column marks. A file that is not valid YAML
/// is reported (file, line, column, what the parser said) and yields nothing; the caller goes on with
/// the next file.
/// </summary>
internal static class YamlFile
{
    public static YamlNode? Load(string path, IProblemSink problems) => Load(path, problems, out _);

    /// <summary>Loads and also hands back the file's text, for callers that need to look at its lines.</summary>
    public static YamlNode? Load(string path, IProblemSink problems, out string text)
    {
        text = string.Empty;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException error)
        {
            problems.Report(new InputProblem(path, "file", $"cannot read the file: {error.Message}"));
            return null;
        }
        catch (UnauthorizedAccessException error)
        {
            problems.Report(new InputProblem(path, "file", $"cannot read the file: {error.Message}"));
            return null;
        }

        return Parse(text, path, problems);
    }

    public static YamlNode? Parse(string text, string path, IProblemSink problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            problems.Report(new InputProblem(
                path,
                $"line {error.Start.Line}, column {error.Start.Column}",
                $"invalid YAML: {Describe(error)}"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            problems.Report(new InputProblem(path, "line 1", "the file is empty", ProblemSeverity.Warning));
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>
    /// Loads a file that must be a mapping with a non-empty <c>name</c> (a story, a data source, a lookup
    /// definition); anything else is reported as "<paramref name="kind"/> needs a name" and yields nothing.
    /// </summary>
    public static YamlMappingNode? LoadNamed(string path, IProblemSink problems, string kind, out string name)
    {
        name = string.Empty;
        if (Load(path, problems) is not { } root)
        {
            return null;
        }

        if (root is not YamlMappingNode mapping || mapping.GetString("name") is not { Length: > 0 } found)
        {
            problems.Report(new InputProblem(path, $"line {root.Start.Line}", $"{kind} needs a name: skipped"));
            return null;
        }

        name = found;
        return mapping;
    }

    /// <summary>YamlDotNet wraps the real cause ("mapping values are not allowed here") in an outer message.</summary>
    private static string Describe(YamlException error)
    {
        var inner = error.InnerException?.Message;
        var message = string.IsNullOrWhiteSpace(inner) ? error.Message : inner;
        var markEnd = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && markEnd > 0 ? message[(markEnd + 3)..] : message;
    }
}
