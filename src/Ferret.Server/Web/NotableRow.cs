namespace Ferret.Server.Web;

/// <summary>
/// One line of Incident Review: a notable with its triage state (the latest <c>incident_review</c> change over what the
/// notable was written with) and its risk object (the notable's own <c>risk_object</c>, as a risk incident rule writes
/// it, else the first risk object field of the detection that the notable's row has).
/// </summary>
internal sealed record NotableRow(
    string EventId,
    double Time,
    string Title,
    string SearchName,
    string Urgency,
    string Status,
    string StatusLabel,
    string Owner,
    string? RiskObject,
    string? RiskObjectType,
    string SecurityDomain,
    string Text);
