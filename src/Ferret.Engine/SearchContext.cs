using Ferret.Engine.DataModels;
using Ferret.Engine.GeoIp;
using Ferret.Engine.Limits;
using Ferret.Engine.Lookups;
using Ferret.Events;

namespace Ferret.Engine;

/// <summary>What one run of a compiled search gets from its caller: the clock, lookups, data models, where to report problems.</summary>
public sealed record SearchContext
{
    private readonly TimeSpan? _regexTimeout;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ILookupResolver? Lookups { get; init; }

    public IDataModelCatalog? DataModels { get; init; }

    public IProblemSink? Problems { get; init; }

    /// <summary>The IP geolocation database <c>iplocation</c> reads; null makes a search using it fail with where
    /// Ferret looks for one (<see cref="GeoIpDatabaseLocator"/>).</summary>
    public IGeoIpDatabase? GeoIp { get; init; }

    /// <summary>How long one regular expression match may run before it is reported and treated as no match
    /// (<see cref="SearchLimits.RegexMatchTimeout"/> unless set here).</summary>
    public TimeSpan RegexTimeout
    {
        get => _regexTimeout ?? Limits.RegexMatchTimeout;
        init => _regexTimeout = value;
    }

    /// <summary>The limits the run honours (docs/limits.md); Splunk's limits.conf defaults unless overridden.</summary>
    public SearchLimits Limits { get; init; } = SearchLimits.Default;

    /// <summary>The start of the searched span in epoch seconds (inclusive), or null for none: the time range the caller
    /// searched (<c>--earliest</c>, a scheduled run's dispatch window). timechart fills its empty buckets from here.</summary>
    public double? Earliest { get; init; }

    /// <summary>The end of the searched span in epoch seconds (exclusive), or null for none; timechart fills its empty
    /// buckets up to here.</summary>
    public double? Latest { get; init; }

    /// <summary>The detection or query name, used in problem messages.</summary>
    public string? Label { get; init; }

    /// <summary>Where <c>outputlookup</c> writes CSV files; null reports that outputlookup cannot write.</summary>
    public string? OutputLookupDirectory { get; init; }

    /// <summary>How a run keeps the events it holds until it finishes (groups' samples, events its filters kept, the
    /// events of a search that cannot be fed): null keeps them whole; a hunt keeps events read from files compact.</summary>
    public Execution.EventKeeping? Keeping { get; init; }

    /// <summary>Cancels a run: it stops with <see cref="OperationCanceledException"/> at the next event it reads.</summary>
    public CancellationToken Cancellation { get; init; }

    public static SearchContext Default { get; } = new();
}
