using System.Globalization;

namespace Ferret.Engine.GeoIp;

/// <summary>The legacy GeoIP country table (index → code, English name, continent), read from the embedded
/// LegacyCountries.tsv, which says how it was derived.</summary>
internal static class LegacyCountryTable
{
    /// <summary>Continent codes of the table, named as MaxMind's GeoLite2 databases name them in English.</summary>
    private static readonly Dictionary<string, string> ContinentNames = new(StringComparer.Ordinal)
    {
        ["AF"] = "Africa",
        ["AN"] = "Antarctica",
        ["AS"] = "Asia",
        ["EU"] = "Europe",
        ["NA"] = "North America",
        ["OC"] = "Oceania",
        ["SA"] = "South America",
    };

    private static readonly Lazy<Country[]> Rows = new(Load);

    public static int Count => Rows.Value.Length;

    public static Country? Get(int index) => index > 0 && index < Rows.Value.Length ? Rows.Value[index] : null;

    private static Country[] Load()
    {
        using var stream = typeof(LegacyCountryTable).Assembly.GetManifestResourceStream("Ferret.Engine.GeoIp.LegacyCountries.tsv")
            ?? throw new InvalidOperationException("the embedded resource Ferret.Engine.GeoIp.LegacyCountries.tsv is missing from the build");
        using var reader = new StreamReader(stream);
        var rows = new List<Country>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 4 || int.Parse(parts[0], CultureInfo.InvariantCulture) != rows.Count)
            {
                throw new InvalidOperationException($"LegacyCountries.tsv: row '{line}' is not 'index, code, name, continent' (tab-separated) in index order");
            }

            rows.Add(new Country(parts[1], parts[2], ContinentNames.GetValueOrDefault(parts[3])));
        }

        return [.. rows];
    }

    internal sealed record Country(string Code, string Name, string? Continent);
}
