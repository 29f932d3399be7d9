namespace Ferret.Spl.Tables;

/// <summary>How a command processes results (Search Reference, "Command types").</summary>
public enum CommandKind
{
    /// <summary>Works on each event alone; can run next to the data, in parallel.</summary>
    Streaming,

    /// <summary>Needs every result before it can emit (stats, sort, dedup...).</summary>
    Transforming,

    /// <summary>Produces results without input; must start a pipeline (<c>| tstats</c>, <c>| inputlookup</c>).</summary>
    Generating,

    /// <summary>Runs a subsearch or pipeline of its own (join, append, foreach, map).</summary>
    Orchestrating,
}

/// <summary>One known SPL command: its name, its aliases, its kind, the syntax Ferret parses (as the Search Reference
/// writes it) and whether the parser gives it a typed node or keeps it generic.</summary>
public sealed record CommandInfo(string Name, CommandKind Kind, string Syntax, string Description, IReadOnlyList<string> Aliases)
{
    /// <summary>True when the parser builds a typed node for the command (false: parsed as options and words only).</summary>
    public bool HasTypedGrammar { get; init; } = true;

    /// <summary>True when the command reads the search's events again beside its input (join, append, map run a search of
    /// their own over them), so a search using it cannot be fed one event at a time.</summary>
    public bool ReadsEventsAgain { get; init; }
}
