using Ferret.Engine.Execution;
using Ferret.Engine.GeoIp;
using Ferret.Events;
using Ferret.Spl.Diagnostics;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>iplocation [prefix=p] [allfields=bool] [lang=l] field</c>, per the Search Reference page "iplocation"
/// (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/iplocation): looks the field's
/// address (IPv4, IPv6 or a CIDR subnet) up in the run's geolocation database and adds City, Country, Region, lat and
/// lon (allfields adds Continent, MetroCode and Timezone), each name prefixed. "Because all the information might not
/// be available for each IP address, an event can have empty field values": a located address gets every field, the
/// unknown ones as empty strings. "For IP addresses which do not have a location, such as internal addresses, no
/// fields are added": an internal, unknown or invalid address, or a missing field, leaves the event as it is. The page
/// speaks of one address per event; of a multivalue field the first value is looked up.
/// </summary>
public sealed class IpLocationOperator(string field, string prefix, bool allFields, string language, TextSpan span) : StreamingOperator("iplocation")
{
    private static readonly string[] DefaultFields = ["City", "Country", "Region", "lat", "lon"];
    private static readonly string[] ExtraFields = ["Continent", "MetroCode", "Timezone"];

    public string Field { get; } = field;

    public string Prefix { get; } = prefix;

    public bool AllFields { get; } = allFields;

    public string Language { get; } = language;

    /// <summary>The names this operator writes, prefixed.</summary>
    public IReadOnlyList<string> OutputFields => [.. (AllFields ? DefaultFields.Concat(ExtraFields) : DefaultFields).Select(f => Prefix + f)];

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        if (run.Search.GeoIp is null)
        {
            throw new GeoIpUnavailableException(span);
        }

        return base.Execute(input, run);
    }

    public override bool Process(Event e, RunContext run)
    {
        // Execute checks first; this guards a caller that calls Process alone.
        var database = run.Search.GeoIp ?? throw new GeoIpUnavailableException(span);
        var state = run.GetOrAdd(this, () => new RunState(database, Language, run));
        if (e[Field].Text is not { } address)
        {
            return true;
        }

        GeoIpLocation? location;
        try
        {
            location = database.Lookup(address, state.Language);
        }
        catch (GeoIpDatabaseException error)
        {
            state.ReportOnce(run, error.Message, $"iplocation {Field}={address}: {error.Message}; no location is added where the database fails", ProblemSeverity.Error);
            return true;
        }

        if (location is not null)
        {
            Write(e, location);
        }

        return true;
    }

    private void Write(Event e, GeoIpLocation location)
    {
        e[Prefix + "City"] = Text(location.City);
        e[Prefix + "Country"] = Text(location.Country);
        e[Prefix + "Region"] = Text(location.Region);
        e[Prefix + "lat"] = location.Latitude is { } lat ? FieldValue.Of(lat) : FieldValue.Of(string.Empty);
        e[Prefix + "lon"] = location.Longitude is { } lon ? FieldValue.Of(lon) : FieldValue.Of(string.Empty);
        if (AllFields)
        {
            e[Prefix + "Continent"] = Text(location.Continent);
            e[Prefix + "MetroCode"] = Text(location.MetroCode);
            e[Prefix + "Timezone"] = Text(location.Timezone);
        }
    }

    private static FieldValue Text(string? value) => FieldValue.Of(value ?? string.Empty);

    /// <summary>Per run: the language actually used and the problems already reported (each once per run).</summary>
    private sealed class RunState
    {
        private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

        public RunState(IGeoIpDatabase database, string language, RunContext run)
        {
            Language = database.Languages.FirstOrDefault(l => l.Equals(language, StringComparison.OrdinalIgnoreCase)) ?? "en";
            if (!database.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
            {
                ReportOnce(run, "lang", $"iplocation lang={language}: {database.Description} ({database.Path}) has names only in "
                    + $"{string.Join(", ", database.Languages)}; English names are used");
            }
        }

        public string Language { get; }

        public void ReportOnce(RunContext run, string key, string message, ProblemSeverity severity = ProblemSeverity.Warning)
        {
            bool first;
            lock (_reported)
            {
                first = _reported.Add(key);
            }

            if (first)
            {
                run.Report(message, severity);
            }
        }
    }
}
