using System.Globalization;
using System.Text;
using System.Text.Json;
using Ferret.Events;
using Ferret.Server.Logging;
using Ferret.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ferret.Server.Hec;

/// <summary>
/// The HTTP Event Collector on its own port: <c>/services/collector</c> and <c>/services/collector/event</c> (the JSON
/// event protocol), <c>/services/collector/raw</c> (raw text, metadata in the query string), <c>/services/collector/health</c>
/// and <c>/services/collector/ack</c>. A request's events are validated whole, then written durably; the answer (with
/// its ackId) goes out only after the commit, so an acknowledged event survives a killed server.
/// </summary>
internal sealed partial class HecEndpoints(EventStore store, IReadOnlyList<HecToken> tokens, AckTracker acks, InternalLog log, TimeProvider clock)
{
    /// <summary>The largest request body read (Splunk's <c>max_content_length</c> default, 800 MB, is more than a
    /// loopback server on a small machine should hold at once).</summary>
    public const int MaxBodyBytes = 256 * 1024 * 1024;

    private readonly Dictionary<string, HecToken> _tokens = tokens.ToDictionary(t => t.Value, StringComparer.Ordinal);
    private readonly IngestMeter _meter = new(log, clock);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/services/collector", Event);
        routes.MapPost("/services/collector/event", Event);
        routes.MapPost("/services/collector/event/1.0", Event);
        routes.MapPost("/services/collector/raw", Raw);
        routes.MapPost("/services/collector/raw/1.0", Raw);
        routes.MapGet("/services/collector/health", Health);
        routes.MapGet("/services/collector/health/1.0", Health);
        routes.MapPost("/services/collector/ack", Ack);
        routes.MapPost("/services/collector/ack/1.0", Ack);
    }

    private Task Health(HttpContext context) => Write(context, store.IsBusy ? HecStatus.Unhealthy : HecStatus.Healthy);

    private async Task Event(HttpContext context)
    {
        if (await Admit(context) is not var (token, channel))
        {
            return;
        }

        using var body = await RequestBody.ReadAsync(context.Request);
        var (envelopes, error) = EnvelopeParser.Parse(body.Bytes);
        if (error is not null)
        {
            await Write(context, error);
            return;
        }

        var now = EpochTime.FromDateTimeOffset(clock.GetUtcNow());
        var events = new List<StoredEvent>(envelopes.Count);
        for (var i = 0; i < envelopes.Count; i++)
        {
            var envelope = envelopes[i];
            if (Resolve(token, envelope.Metadata, envelope.Raw, now, envelope.Fields) is not { } stored)
            {
                await Write(context, HecStatus.IncorrectIndex.At(i));
                return;
            }

            events.Add(stored);
        }

        await Store(context, token, channel, events, body.Length);
    }

    private async Task Raw(HttpContext context)
    {
        if (await Admit(context) is not var (token, channel))
        {
            return;
        }

        using var body = await RequestBody.ReadAsync(context.Request);
        if (body.Length == 0)
        {
            await Write(context, HecStatus.NoData);
            return;
        }

        var query = context.Request.Query;
        double? requestTime = double.TryParse(query["time"], NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : null;
        var metadata = new EventMetadata(NonEmpty(query["index"]), NonEmpty(query["host"]), NonEmpty(query["source"]), NonEmpty(query["sourcetype"]), requestTime);
        var now = EpochTime.FromDateTimeOffset(clock.GetUtcNow());
        var events = new List<StoredEvent>();
        foreach (var raw in RawEventBreaker.Break(Encoding.UTF8.GetString(body.Bytes), metadata.SourceType ?? token.DefaultSourceType))
        {
            var time = metadata.Time ?? RawEventBreaker.TimeOf(raw);
            if (Resolve(token, metadata with { Time = time }, raw, now, null) is not { } stored)
            {
                await Write(context, HecStatus.IncorrectIndex);
                return;
            }

            events.Add(stored);
        }

        if (events.Count == 0)
        {
            await Write(context, HecStatus.NoData);
            return;
        }

        await Store(context, token, channel, events, body.Length);
    }

    private async Task Ack(HttpContext context)
    {
        if (Authorize(context, out var token) is { } denied)
        {
            await Write(context, denied);
            return;
        }

        if (!token!.UseAck)
        {
            await Write(context, HecStatus.AckDisabled);
            return;
        }

        if (Channel(context, token, out var channel) is { } channelError)
        {
            await Write(context, channelError);
            return;
        }

        List<long> ids;
        try
        {
            using var body = await RequestBody.ReadAsync(context.Request);
            using var document = JsonDocument.Parse(body.Memory);
            ids = [.. document.RootElement.GetProperty("acks").EnumerateArray().Select(a => a.GetInt64())];
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            await Write(context, HecStatus.InvalidDataFormat);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { acks = acks.Query(channel!, ids) }));
    }

    private async Task Store(HttpContext context, HecToken token, string? channel, List<StoredEvent> events, int bytes)
    {
        try
        {
            await store.AppendAsync(events);
        }
        catch (StoreBusyException)
        {
            await Write(context, HecStatus.ServerBusy);
            return;
        }
        catch (Exception error) when (error is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            log.Error("hec", $"writing {events.Count} events failed: {error.Message}");
            await Write(context, HecStatus.InternalError);
            return;
        }

        _meter.Add(events.Count, bytes);
        if (token.UseAck && channel is not null)
        {
            var ackId = acks.Issue(channel);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($"{{\"text\":\"Success\",\"code\":0,\"ackId\":{ackId}}}");
            return;
        }

        await Write(context, HecStatus.Success);
    }

    /// <summary>The event with the token's defaults applied, or null when its index is undeclared or not allowed.</summary>
    private StoredEvent? Resolve(HecToken token, EventMetadata metadata, string raw, double now, string? fields)
    {
        var index = metadata.Index ?? token.DefaultIndex;
        if (!store.HasIndex(index) || !token.Allows(index))
        {
            return null;
        }

        return new StoredEvent(
            index,
            metadata.Time ?? now,
            metadata.Host ?? token.DefaultHost ?? "ferret",
            metadata.Source ?? token.DefaultSource ?? "http:ferret",
            metadata.SourceType ?? token.DefaultSourceType ?? "httpevent",
            raw,
            fields);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Task Write(HttpContext context, HecStatus status)
    {
        context.Response.StatusCode = status.HttpStatus;
        context.Response.ContentType = "application/json";
        var body = status.InvalidEventNumber is { } number
            ? JsonSerializer.Serialize(new HecErrorBody(status.Text, status.Code, number))
            : JsonSerializer.Serialize(new { text = status.Text, code = status.Code });
        return context.Response.WriteAsync(body);
    }

    private sealed record HecErrorBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("text")] string Text,
        [property: System.Text.Json.Serialization.JsonPropertyName("code")] int Code,
        [property: System.Text.Json.Serialization.JsonPropertyName("invalid-event-number")] int InvalidEventNumber);
}
