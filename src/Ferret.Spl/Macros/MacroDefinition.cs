namespace Ferret.Spl.Macros;

/// <summary>A search macro as ESCU's <c>macros/*.yml</c> (and Splunk's macros.conf) define it: a bare name, the names of
/// its arguments (arity = their count) and the definition, in which <c>$argument$</c> is replaced by the value passed.</summary>
public sealed record MacroDefinition(string Name, IReadOnlyList<string> Arguments, string Definition)
{
    public MacroDefinition(string name, string definition)
        : this(name, [], definition)
    {
    }

    public int Arity => Arguments.Count;

    /// <summary>The key Splunk uses: <c>name</c> without arguments, <c>name(N)</c> with N arguments.</summary>
    public string Key => MacroTable.KeyOf(Name, Arity);
}
