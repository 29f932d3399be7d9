using Ferret.Content;
using Ferret.Publishing.Conf;

namespace Ferret.Publishing.App;

/// <summary>
/// <c>default/transforms.conf</c> (Splunk Admin Manual, "transforms.conf"): a stanza per CSV lookup whose
/// file exists, with its matching options, and per KV store lookup (<c>external_type = kvstore</c>); and
/// <c>default/collections.conf</c>, a stanza per KV store collection.
/// </summary>
public static class LookupConfs
{
    public static IEnumerable<ConfStanza> Transforms(IEnumerable<LookupDefinition> lookups)
    {
        foreach (var lookup in lookups.OrderBy(l => l.Name, StringComparer.Ordinal))
        {
            var stanza = new ConfStanzaBuilder(lookup.Name);
            if (lookup.IsCsv && lookup.FullPath is not null)
            {
                stanza.Add("filename", Path.GetFileName(lookup.FullPath));
            }
            else if (lookup.Filename is null && lookup.Collection is not null)
            {
                stanza.Add("collection", lookup.Collection).Add("external_type", "kvstore");
            }
            else
            {
                continue;
            }

            stanza.AddIf(lookup.DefaultMatch is not null, "default_match", lookup.DefaultMatch?.ToLowerInvariant() ?? string.Empty)
                .Add("case_sensitive_match", lookup.CaseSensitiveMatch ? "true" : "false")
                .AddIf(lookup.MatchTypes.Count > 0, "match_type", string.Join(", ", lookup.MatchTypes.Select(m => $"{m.Kind}({m.Field})")))
                .AddIf(lookup.MaxMatches is not null, "max_matches", $"{lookup.MaxMatches}")
                .AddIf(lookup.MinMatches is not null, "min_matches", $"{lookup.MinMatches}")
                .AddIf(lookup.FieldsList.Count > 0, "fields_list", string.Join(", ", lookup.FieldsList))
                .AddIf(lookup.Filter is not null, "filter", lookup.Filter ?? string.Empty);
            yield return stanza.Build();
        }
    }

    public static IEnumerable<ConfStanza> Collections(IEnumerable<LookupDefinition> lookups) =>
        lookups
            .Where(l => l.Filename is null && l.Collection is not null)
            .Select(l => l.Collection!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(collection => new ConfStanza(collection, []));
}
