using Microsoft.AspNetCore.Http;

namespace Ferret.Server.Web;

internal sealed partial class WebEndpoints
{
    private Task Notables(HttpContext context)
    {
        var listing = review.List(NotableFilter.From(context.Request.Query));
        return Json(context, StatusCodes.Status200OK, new { rows = listing.Rows, matched = listing.Matched, urgencyCounts = listing.UrgencyCounts, maxRows = IncidentReview.MaxRows });
    }

    private Task Notable(HttpContext context, string id) =>
        review.Find(id) is { } notable
            ? Json(context, StatusCodes.Status200OK, review.Detail(notable))
            : Problem(context, StatusCodes.Status404NotFound, $"No notable has event_id {id}.");

    private async Task Review(HttpContext context, WebUser user, string id)
    {
        if (!user.CanTriage)
        {
            await Problem(context, StatusCodes.Status403Forbidden, $"{user.Name} may not change notables (role ess_analyst, ess_admin or admin needed).");
            return;
        }

        if (await Body<ReviewRequest>(context) is not { } body)
        {
            return;
        }

        if (review.Find(id) is not { } notable)
        {
            await Problem(context, StatusCodes.Status404NotFound, $"No notable has event_id {id}.");
            return;
        }

        var row = review.Change(notable, user, body.Status, body.Owner, body.Urgency, body.Comment);
        await Json(context, StatusCodes.Status200OK, row);
    }

    private async Task Search(HttpContext context)
    {
        if (await Body<SearchRequest>(context) is not { } body)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(body.Search))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "Type a search.");
            return;
        }

        var (earliest, latest) = review.Range(body.Earliest ?? "-24h", body.Latest ?? "now");
        var result = await Task.Run(() => search.Run(body.Search, earliest, latest), context.RequestAborted);
        await Json(context, StatusCodes.Status200OK, result);
    }

    private async Task SetEnabled(HttpContext context, WebUser user)
    {
        if (!user.CanManageDetections)
        {
            await Problem(context, StatusCodes.Status403Forbidden, $"{user.Name} may not enable or disable detections (role ess_admin or admin needed).");
            return;
        }

        if (await Body<EnableRequest>(context) is not { } body)
        {
            return;
        }

        if (!detections.SetEnabled(body.Name ?? string.Empty, body.Enabled, user))
        {
            await Problem(context, StatusCodes.Status404NotFound, $"No saved search is named '{body.Name}'.");
            return;
        }

        await Json(context, StatusCodes.Status200OK, new { name = body.Name, enabled = body.Enabled });
    }

    private sealed record ReviewRequest(string? Status, string? Owner, string? Urgency, string? Comment);

    private sealed record SearchRequest(string? Search, string? Earliest, string? Latest);

    private sealed record EnableRequest(string? Name, bool Enabled);
}
