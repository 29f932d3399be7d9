using Ferret.Spl.Diagnostics;

namespace Ferret.Engine.GeoIp;

/// <summary>
/// A search using <c>iplocation</c> was run without a geolocation database. The plan cannot know at compile time
/// (the database comes with the run's <see cref="SearchContext"/>), so the run fails at its start with the same
/// SPL3001 "not supported" diagnostic a compile error would give, saying where Ferret looks and how to give one.
/// </summary>
public sealed class GeoIpUnavailableException : InvalidOperationException
{
    public GeoIpUnavailableException(TextSpan span)
        : this(DiagnosticFacts.CommandNotSupported(span, "iplocation",
            $"no IP geolocation database was given to this run. {GeoIpDatabaseLocator.HowToProvide}"))
    {
    }

    public GeoIpUnavailableException()
        : this(default(TextSpan))
    {
    }

    public GeoIpUnavailableException(string message)
        : base(message)
    {
        Diagnostic = DiagnosticFacts.CommandNotSupported(default, "iplocation", message);
    }

    public GeoIpUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
        Diagnostic = DiagnosticFacts.CommandNotSupported(default, "iplocation", message);
    }

    private GeoIpUnavailableException(Diagnostic diagnostic)
        : base($"{diagnostic.Code}: {diagnostic.Message}")
    {
        Diagnostic = diagnostic;
    }

    public Diagnostic Diagnostic { get; }
}
