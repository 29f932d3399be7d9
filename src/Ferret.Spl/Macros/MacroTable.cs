namespace Ferret.Spl.Macros;

/// <summary>
/// The macros a search may call, by name and arity. Content definitions replace the built-in CIM ones of the same
/// key; a local overrides file replaces anything (<see cref="Override"/>). A detection's filter macro
/// <c>&lt;name&gt;_filter</c> that nobody defines resolves to <c>search *</c>, its default in ESCU (it exists so users
/// can tune false positives).
/// </summary>
public sealed class MacroTable
{
    /// <summary>The definition of an undefined <c>*_filter</c> macro.</summary>
    public const string DefaultFilterDefinition = "search *";

    private readonly Dictionary<string, MacroDefinition> definitions = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> builtInKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> overriddenKeys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An empty table: no built-ins (tests; or content that defines everything itself).</summary>
    public MacroTable()
    {
    }

    /// <summary>A table holding the CIM app's macros that ESCU uses without defining (see <see cref="BuiltInMacros"/>).</summary>
    public static MacroTable WithBuiltIns()
    {
        var table = new MacroTable();
        foreach (var macro in BuiltInMacros.All)
        {
            table.definitions[macro.Key] = macro;
            table.builtInKeys.Add(macro.Key);
        }

        return table;
    }

    public static string KeyOf(string name, int arity) => arity == 0 ? name : $"{name}({arity})";

    public int Count => definitions.Count;

    public IEnumerable<MacroDefinition> Definitions => definitions.Values;

    /// <summary>Adds a definition. It replaces a built-in of the same key; it does not replace another added definition
    /// (returns false: a duplicate the caller should report) unless that one came from <see cref="Override"/>, which wins.</summary>
    public bool Add(MacroDefinition macro)
    {
        if (overriddenKeys.Contains(macro.Key))
        {
            return true;
        }

        if (definitions.ContainsKey(macro.Key) && !builtInKeys.Contains(macro.Key))
        {
            return false;
        }

        definitions[macro.Key] = macro;
        builtInKeys.Remove(macro.Key);
        return true;
    }

    /// <summary>Replaces whatever is defined under the macro's key (a local override of an environment macro).</summary>
    public void Override(MacroDefinition macro)
    {
        definitions[macro.Key] = macro;
        builtInKeys.Remove(macro.Key);
        overriddenKeys.Add(macro.Key);
    }

    public bool IsBuiltIn(string name, int arity) => builtInKeys.Contains(KeyOf(name, arity));

    /// <summary>The definition for a call of <paramref name="name"/> with <paramref name="arity"/> arguments, or null.
    /// An undefined <c>*_filter</c> macro without arguments resolves to <c>search *</c>.</summary>
    public MacroDefinition? Find(string name, int arity)
    {
        if (definitions.TryGetValue(KeyOf(name, arity), out var macro))
        {
            return macro;
        }

        return arity == 0 && name.EndsWith("_filter", StringComparison.OrdinalIgnoreCase)
            ? new MacroDefinition(name, [], DefaultFilterDefinition)
            : null;
    }

    /// <summary>The arities <paramref name="name"/> is defined with (for "wrong number of arguments" messages).</summary>
    public IReadOnlyList<int> AritiesOf(string name) =>
        definitions.Values.Where(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Arity).Order().ToList();
}
