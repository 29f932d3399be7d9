using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Syntax;

/// <summary><c>| makeresults [count=N] [annotate=] [splunk_server=]</c>.</summary>
public sealed record MakeresultsCommandNode(IReadOnlyList<CommandOption> Options, TextSpan Span) : CommandNode("makeresults", Span);

/// <summary><c>| from datamodel:Model.Dataset</c> (or <c>inputlookup:name</c>, <c>savedsearch:name</c>...).</summary>
public sealed record FromCommandNode(Word Dataset, TextSpan Span) : CommandNode("from", Span)
{
    /// <summary>The part before the first <c>:</c> (e.g. <c>datamodel</c>), or empty.</summary>
    public string DatasetType => Dataset.Text.Contains(':', StringComparison.Ordinal) ? Dataset.Text[..Dataset.Text.IndexOf(':', StringComparison.Ordinal)] : "";

    /// <summary>The part after the first <c>:</c> (e.g. <c>Endpoint.Processes</c>), quotes removed.</summary>
    public string DatasetName => Dataset.Text[(Dataset.Text.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim('"');
}

/// <summary><c>| datamodel [Model] [Dataset] [search|flat|acceleration_search] [options]</c>.</summary>
public sealed record DatamodelCommandNode(IReadOnlyList<CommandOption> Options, Word? Model, Word? Dataset, Word? Mode, TextSpan Span)
    : CommandNode("datamodel", Span);

/// <summary><c>| rest [options] /services/endpoint [options]</c>.</summary>
public sealed record RestCommandNode(Word Endpoint, IReadOnlyList<CommandOption> Options, TextSpan Span) : CommandNode("rest", Span);

/// <summary>Commands whose grammar is options and words only, kept in order: <c>apply model [as f]</c> (MLTK), <c>collect index=...</c>,
/// <c>fit</c>... (see <see cref="CommandNode.Name"/>).</summary>
public sealed record OptionsCommandNode(string Name, IReadOnlyList<CommandOption> Options, IReadOnlyList<Word> Words, TextSpan Span)
    : CommandNode(Name, Span);
