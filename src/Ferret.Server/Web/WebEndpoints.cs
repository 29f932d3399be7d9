using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ferret.Server.Web;

/// <summary>
/// The web pages on their own port (Splunk Web's 8000): the single page (<c>/</c>, its views chosen by the URL's
/// fragment) with its bundled script and style, and the JSON API it calls under <c>/api/</c>. Every API call but login
/// needs a session cookie; a call that changes something must be a JSON POST (a form on another site cannot send one,
/// and the cookie is SameSite=Strict besides).
/// </summary>
internal sealed partial class WebEndpoints(WebSessions sessions, IncidentReview review, DetectionBoard detections, WebSearch search, TimeProvider clock)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", context => Asset(context, "index.html"));
        routes.MapGet("/assets/{name}", (HttpContext context, string name) => Asset(context, name));
        routes.MapPost("/api/login", Login);
        routes.MapPost("/api/logout", Logout);
        routes.MapGet("/api/session", context => Authorized(context, user => Session(context, user)));
        routes.MapGet("/api/notables", context => Authorized(context, _ => Notables(context)));
        routes.MapGet("/api/notables/{id}", (HttpContext context, string id) => Authorized(context, _ => Notable(context, id)));
        routes.MapPost("/api/notables/{id}/review", (HttpContext context, string id) => Authorized(context, user => Review(context, user, id)));
        routes.MapPost("/api/search", context => Authorized(context, _ => Search(context)));
        routes.MapGet("/api/detections", context => Authorized(context, _ => Json(context, StatusCodes.Status200OK, detections.List())));
        routes.MapPost("/api/detections/enabled", context => Authorized(context, user => SetEnabled(context, user)));
    }

    private static async Task Asset(HttpContext context, string name)
    {
        if (WebAssets.Find(name) is not { } bytes)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        context.Response.ContentType = WebAssets.ContentType(name);
        await context.Response.Body.WriteAsync(bytes);
    }

    private async Task Login(HttpContext context)
    {
        if (await Body<LoginRequest>(context) is not { } body)
        {
            return;
        }

        if (sessions.Login(body.Username, body.Password) is not { } key)
        {
            await Problem(context, StatusCodes.Status401Unauthorized, "Invalid username or password.");
            return;
        }

        context.Response.Cookies.Append(WebSessions.CookieName, key, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
        });
        await Json(context, StatusCodes.Status200OK, new { ok = true });
    }

    private Task Logout(HttpContext context)
    {
        sessions.Logout(context);
        context.Response.Cookies.Delete(WebSessions.CookieName);
        return Json(context, StatusCodes.Status200OK, new { ok = true });
    }

    private Task Session(HttpContext context, WebUser user) =>
        Json(context, StatusCodes.Status200OK, new
        {
            user = user.Name,
            roles = user.Roles,
            canTriage = user.CanTriage,
            canManageDetections = user.CanManageDetections,
            owners = review.Owners,
            statuses = NotableStatus.All.Select(s => new { code = s.Code, label = s.Label }),
            urgencies = NotableUrgency.All,
            now = clock.GetUtcNow().ToUnixTimeSeconds(),
        });

    private async Task Authorized(HttpContext context, Func<WebUser, Task> handle)
    {
        if (sessions.User(context) is not { } user)
        {
            await Problem(context, StatusCodes.Status401Unauthorized, "Log in first.");
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method) && context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await Problem(context, StatusCodes.Status415UnsupportedMediaType, "A change is a POST with a JSON body (Content-Type: application/json).");
            return;
        }

        try
        {
            await handle(user);
        }
        catch (ArgumentException error)
        {
            await Problem(context, StatusCodes.Status400BadRequest, error.Message);
        }
    }

    private static async Task<T?> Body<T>(HttpContext context)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, JsonOptions)
                ?? throw new JsonException("the body is null");
        }
        catch (JsonException error)
        {
            await Problem(context, StatusCodes.Status400BadRequest, $"The request body is not the JSON expected: {error.Message}");
            return null;
        }
    }

    internal static Task Problem(HttpContext context, int status, string message) =>
        Json(context, status, new { error = message });

    internal static Task Json<T>(HttpContext context, int status, T body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private sealed record LoginRequest(string? Username, string? Password);
}
