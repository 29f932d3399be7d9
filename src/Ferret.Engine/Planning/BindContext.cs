using Ferret.Spl.Diagnostics;

namespace Ferret.Engine.Planning;

/// <summary>Collects the diagnostics of one compilation.</summary>
public sealed class BindContext
{
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => d.IsError);

    /// <summary>Whether the search reads its events again beside its input: a subsearch, or a command declared so
    /// (<see cref="Spl.Tables.CommandInfo.ReadsEventsAgain"/>).</summary>
    public bool ReadsEventsAgain { get; private set; }

    public void MarkReadsEventsAgain() => ReadsEventsAgain = true;

    private readonly List<Execution.CompiledPipeline> _nestedReaders = [];

    /// <summary>The pipelines besides the main one that read the run's events (subsearches, join, append and
    /// appendcols searches), or null when some reader is only known at run time (map).</summary>
    public IReadOnlyList<Execution.CompiledPipeline>? NestedReaders => HasUnlistedReaders ? null : _nestedReaders;

    private bool HasUnlistedReaders { get; set; }

    /// <summary>How many nested readers were planned so far (listed or not).</summary>
    public int NestedReaderCount => _nestedReaders.Count;

    public void AddNestedReader(Execution.CompiledPipeline pipeline)
    {
        _nestedReaders.Add(pipeline);
        MarkReadsEventsAgain();
    }

    public void MarkUnlistedReader()
    {
        HasUnlistedReaders = true;
        MarkReadsEventsAgain();
    }

    private readonly List<Execution.Operator> _readingSubsearchOperators = [];

    /// <summary>The main search's operators whose search terms hold a subsearch that reads the run's events (listed among
    /// <see cref="NestedReaders"/>): a fed run cannot run them as events arrive, only once the read ended.</summary>
    public IReadOnlyList<Execution.Operator> ReadingSubsearchOperators => _readingSubsearchOperators;

    public void AddReadingSubsearchOperator(Execution.Operator op) => _readingSubsearchOperators.Add(op);

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void ReportAll(IEnumerable<Diagnostic> diagnostics) => _diagnostics.AddRange(diagnostics);
}
