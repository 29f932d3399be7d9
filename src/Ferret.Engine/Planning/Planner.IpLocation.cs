using Ferret.Engine.Operators;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

public sealed partial class Planner
{
    /// <summary><c>iplocation [prefix=] [allfields=] [lang=] field</c> (Search Reference, "iplocation"). The database comes
    /// with the run (<see cref="SearchContext.GeoIp"/>): a run without one fails with SPL3001.</summary>
    private IpLocationOperator? BindIpLocation(FieldListCommandNode list)
    {
        CheckOptions("iplocation", list.Options, "prefix", "allfields", "lang");
        if (list.Fields.Count != 1)
        {
            _bind.Report(DiagnosticFacts.MissingCommandArgument(list.Span, "iplocation",
                list.Fields.Count == 0 ? "a field holding an IP address is required" : "exactly one IP address field is allowed"));
            return null;
        }

        return new IpLocationOperator(list.Fields[0].Text, list.Options.Find("prefix")?.Value.Text ?? string.Empty,
            Flag("iplocation", list.Options, "allfields", false), list.Options.Find("lang")?.Value.Text ?? "en", list.Span);
    }
}
