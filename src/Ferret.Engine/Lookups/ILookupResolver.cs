namespace Ferret.Engine.Lookups;

/// <summary>Finds a lookup table by the name a search uses (a lookup definition name or a CSV file name).</summary>
public interface ILookupResolver
{
    LookupTable? Resolve(string name);
}

/// <summary>A resolver over tables already in memory (tests, inline lookups).</summary>
public sealed class InMemoryLookupResolver : ILookupResolver
{
    private readonly Dictionary<string, LookupTable> _tables = new(StringComparer.OrdinalIgnoreCase);

    public InMemoryLookupResolver Add(string name, LookupTable table)
    {
        _tables[name] = table;
        return this;
    }

    public LookupTable? Resolve(string name) => _tables.GetValueOrDefault(name);
}
