namespace Ferret.Spl.Tables;

public enum FunctionKind
{
    /// <summary>An eval function (eval, where, fieldformat...).</summary>
    Eval,

    /// <summary>A statistical function of stats, eventstats, streamstats, tstats, timechart, chart.</summary>
    Aggregate,
}

/// <summary>One function: name (lower case), kind, arity (<see cref="MaxArguments"/> null = any number), the Search
/// Reference category it belongs to, and a one-line description.</summary>
public sealed record FunctionInfo(string Name, FunctionKind Kind, int MinArguments, int? MaxArguments, string Category, string Description)
{
    public bool AcceptsArgumentCount(int count) => count >= MinArguments && (MaxArguments is null || count <= MaxArguments);

    public string Signature => MaxArguments switch
    {
        0 => $"{Name}()",
        null => $"{Name}({MinArguments}+ args)",
        var max when max == MinArguments => $"{Name}({MinArguments} args)",
        var max => $"{Name}({MinArguments}-{max} args)",
    };
}
