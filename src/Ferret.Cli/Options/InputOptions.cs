using System.CommandLine;
using Ferret.Ingest;

namespace Ferret.Cli.Options;

/// <summary>
/// <c>--sourcetype</c>, <c>--source</c>, <c>--index</c> and <c>--apps DIR</c> (repeatable; FERRET_APPS adds folders
/// separated by the path separator), shared by hunt and search: what Splunk's inputs.conf monitor stanza would set
/// for the inputs, and the Splunk apps whose knowledge is layered over Ferret's own.
/// </summary>
internal sealed class InputOptions
{
    public const string AppsVariable = "FERRET_APPS";

    public Option<string?> SourceType { get; } = new("--sourcetype") { Description = "The sourcetype of every input (as inputs.conf sets it), e.g. pan:traffic or linux:audit. Default: sniffed per file." };

    public Option<string?> Source { get; } = new("--source") { Description = "The source of every input. Default: each file's path." };

    public Option<string?> Index { get; } = new("--index") { Description = "The index events are searched in. Default: main." };

    public Option<string[]> Apps { get; } = new("--apps")
    {
        Description = $"A Splunk app folder, or a folder of apps (TAs, the CIM app), layered over Ferret's own knowledge. Repeatable; also ${AppsVariable}.",
        AllowMultipleArgumentsPerToken = true,
    };

    public IEnumerable<Option> All => [SourceType, Source, Index, Apps];

    public IngestOptions Ingest(ParseResult result) => new()
    {
        SourceType = result.GetValue(SourceType),
        Source = result.GetValue(Source),
        Index = result.GetValue(Index) is { Length: > 0 } index ? index : Ferret.Events.FieldNames.DefaultIndex,
    };

    /// <summary>The app folders: FERRET_APPS first, then each --apps (a later one ranks as Splunk ranks apps, by name).</summary>
    public IReadOnlyList<string> AppFolders(ParseResult result) =>
        [.. (Environment.GetEnvironmentVariable(AppsVariable) ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries),
         .. result.GetValue(Apps) ?? []];
}
