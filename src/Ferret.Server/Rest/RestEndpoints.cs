using System.Text.Json;
using System.Xml;
using Ferret.Server.Detections;
using Ferret.Server.Rest.Jobs;
using Ferret.Server.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Ferret.Server.Rest;

/// <summary>
/// splunkd's management API on its own port, the part splunk-sdk-python and contentctl use: login, server info, search
/// jobs (v1 and v2 paths), export, and the saved searches (every detection as <c>ESCU - Name - Rule</c>) with dispatch.
/// Paths are served both under <c>/services/</c> and under any <c>/servicesNS/OWNER/APP/</c> namespace.
/// </summary>
internal sealed partial class RestEndpoints(RestAuth auth, JobManager jobs, SavedSearchCatalog savedSearches, SearchEnvironment environment, DateTimeOffset started)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.Map("/services/{**path}", context => Handle(context, namespaced: false));
        routes.Map("/servicesNS/{owner}/{app}/{**path}", context => Handle(context, namespaced: true));
    }

    /// <summary>The path's segments after <c>/services/</c> or <c>/servicesNS/OWNER/APP/</c>, each decoded from the raw
    /// request target as splunkd decodes them: <c>+</c> is a space (splunk-sdk-python encodes names so), <c>%XX</c> a byte.</summary>
    private static string[] Segments(HttpContext context, bool namespaced)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var raw = (query >= 0 ? target[..query] : target).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return [.. raw.Skip(namespaced ? 3 : 1).Select(s => Uri.UnescapeDataString(s.Replace('+', ' ')))];
    }

    private async Task Handle(HttpContext context, bool namespaced)
    {
        var request = await RestRequest.ReadAsync(context);
        var segments = Segments(context, namespaced);
        var path = string.Join('/', segments);
        if (segments is ["auth", "login"])
        {
            await Login(request);
            return;
        }

        if (!auth.IsAuthenticated(context))
        {
            await Message(context, StatusCodes.Status401Unauthorized, "WARN", "call not properly authenticated");
            return;
        }

        var method = context.Request.Method;
        // search/v2/jobs/... is search/jobs/... with the v2 reading rules (POST for results); both are served alike.
        if (segments.Length >= 2 && segments[0] == "search" && segments[1] == "v2")
        {
            segments = ["search", .. segments[2..]];
        }

        await (segments switch
        {
            ["server", "info"] => Entity(request, "server-info", "/services/server/info", ServerInfo.Content(Environment.MachineName, started)),
            ["search", "jobs"] when method == "POST" => CreateJob(request),
            ["search", "jobs"] => ListJobs(request),
            ["search", "jobs", "export"] => Export(request),
            ["search", "jobs", var sid] when method == "DELETE" => DeleteJob(request, sid),
            ["search", "jobs", var sid] => JobStatus(request, sid),
            ["search", "jobs", var sid, "results" or "results_preview"] => JobResults(request, sid, events: false),
            ["search", "jobs", var sid, "events"] => JobResults(request, sid, events: true),
            ["search", "jobs", var sid, "control"] => JobControl(request, sid),
            ["saved", "searches"] => ListSavedSearches(request),
            ["saved", "searches", var name] => ReadSavedSearch(request, name),
            ["saved", "searches", var name, "dispatch"] when method == "POST" => Dispatch(request, name),
            _ => Message(context, StatusCodes.Status404NotFound, "ERROR", $"Not Found: /{path} is not served by Ferret"),
        });
    }

    private async Task Login(RestRequest request)
    {
        var key = auth.Login(request["username"], request["password"]);
        if (key is null)
        {
            await Message(request.Context, StatusCodes.Status401Unauthorized, "WARN", "Login failed");
            return;
        }

        if (request.OutputMode == "json")
        {
            await Json(request.Context, StatusCodes.Status200OK, new Dictionary<string, string> { ["sessionKey"] = key });
            return;
        }

        await Xml(request.Context, StatusCodes.Status200OK, xml =>
        {
            xml.WriteStartElement("response");
            xml.WriteElementString("sessionKey", key);
            xml.WriteStartElement("messages");
            xml.WriteStartElement("msg");
            xml.WriteAttributeString("code", string.Empty);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }

    private Task Entity(RestRequest request, string title, string link, IReadOnlyList<KeyValuePair<string, object?>> content)
    {
        var entries = new[] { new AtomEntry(title, link, content) };
        return request.OutputMode == "json"
            ? Json(request.Context, StatusCodes.Status200OK, AtomFeed.Json(entries))
            : Text(request.Context, StatusCodes.Status200OK, "text/xml; charset=utf-8", AtomFeed.Feed(title, link, entries, environment.Clock.GetUtcNow()));
    }

    internal static Task Message(HttpContext context, int status, string type, string text) =>
        Xml(context, status, xml =>
        {
            xml.WriteStartElement("response");
            xml.WriteStartElement("messages");
            xml.WriteStartElement("msg");
            xml.WriteAttributeString("type", type);
            xml.WriteString(text);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        });

    internal static Task Json(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    internal static Task Text(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    internal static Task Xml(HttpContext context, int status, Action<XmlWriter> body)
    {
        var text = new System.Text.StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            body(xml);
        }

        return Text(context, status, "text/xml; charset=utf-8", text.ToString());
    }
}
