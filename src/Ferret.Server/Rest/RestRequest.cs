using System.Globalization;
using Ferret.Engine.Time;
using Ferret.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Ferret.Server.Rest;

/// <summary>A REST request's parameters: splunkd reads them from the query string and from a form body alike.</summary>
internal sealed class RestRequest(HttpContext context, IReadOnlyDictionary<string, StringValues>? form)
{
    public HttpContext Context => context;

    /// <summary>Reads the form body. splunkd takes a POST body as a form whatever its content type says (clients such as
    /// splunk-sdk-python send one with no content type at all).</summary>
    public static async Task<RestRequest> ReadAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            return new RestRequest(context, form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return new RestRequest(context, null);
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        return new RestRequest(context, QueryHelpers.ParseQuery(body));
    }

    public string? this[string name] =>
        form is not null && form.TryGetValue(name, out var posted) && posted.Count > 0 ? posted.ToString()
        : context.Request.Query.TryGetValue(name, out var queried) && queried.Count > 0 ? queried.ToString()
        : null;

    public string OutputMode => this["output_mode"]?.ToLowerInvariant() switch
    {
        "json" or "json_rows" or "json_cols" => "json",
        "csv" => "csv",
        _ => "xml",
    };

    public int Int(string name, int fallback) =>
        int.TryParse(this[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>A time parameter (<c>earliest_time</c>...): epoch seconds, a relative modifier (<c>-24h@h</c>, <c>now</c>),
    /// or an ISO 8601 time; empty or absent is null (all time). A value that is none of these is an error message.</summary>
    public (double? Value, string? Error) Time(string name, DateTimeOffset now)
    {
        var text = this[name];
        if (string.IsNullOrWhiteSpace(text) || text == "0" && name.StartsWith("earliest", StringComparison.Ordinal))
        {
            return (text == "0" ? 0 : null, null);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            return (epoch, null);
        }

        if (TimeModifier.TryParse(text, out var modifier, out var error))
        {
            return (modifier.ResolveEpoch(now), null);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return (EpochTime.FromDateTimeOffset(parsed), null);
        }

        return (null, $"{name}: {error}");
    }
}
