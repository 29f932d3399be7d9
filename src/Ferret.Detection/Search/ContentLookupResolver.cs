using System.Collections.Concurrent;
using Ferret.Content;
using Ferret.Engine.Lookups;
using Ferret.Events;

namespace Ferret.Detection.Search;

/// <summary>
/// Resolves the lookups a search names from the content's lookup definitions (<c>lookups/*.yml</c>): by definition
/// name, or by CSV file name (<c>| lookup foo.csv ...</c>), with the definition's transforms.conf options. Each table is
/// loaded once. A KV store collection or a missing CSV is reported once and resolves to nothing.
/// </summary>
public sealed class ContentLookupResolver(IReadOnlyDictionary<string, LookupDefinition> definitions, IProblemSink problems) : ILookupResolver
{
    private readonly ConcurrentDictionary<string, Lazy<LookupTable?>> _tables = new(StringComparer.OrdinalIgnoreCase);

    public LookupTable? Resolve(string name) =>
        _tables.GetOrAdd(name, key => new Lazy<LookupTable?>(() => Load(key))).Value;

    private LookupTable? Load(string name)
    {
        var definition = definitions.GetValueOrDefault(name)
            ?? definitions.Values.FirstOrDefault(d => string.Equals(d.Filename, name, StringComparison.OrdinalIgnoreCase));
        if (definition is null)
        {
            return null;
        }

        if (definition.FullPath is null || !File.Exists(definition.FullPath))
        {
            problems.Report(new InputProblem(definition.FilePath, $"lookup {definition.Name}",
                definition.Collection is not null
                    ? $"lookup '{definition.Name}' is a KV store collection ({definition.Collection}); Ferret has no KV store, so it matches nothing"
                    : $"lookup '{definition.Name}' has no CSV file ({definition.Filename ?? "none named"})"));
            return null;
        }

        var options = new LookupOptions
        {
            CaseSensitive = definition.CaseSensitiveMatch,
            MaxMatches = definition.MaxMatches ?? LookupOptions.Default.MaxMatches,
            MinMatches = definition.MinMatches ?? 0,
            DefaultMatch = definition.DefaultMatch,
        }.WithMatchType(definition.MatchType);
        try
        {
            return LookupTable.LoadCsv(definition.FullPath, options);
        }
        catch (IOException error)
        {
            problems.Report(new InputProblem(definition.FullPath, "file", $"cannot read lookup '{definition.Name}': {error.Message}"));
            return null;
        }
    }
}
