using System.Net;
using System.Text.Json;
using Ferret.Server.Hec;
using Ferret.Server.Scheduling;
using Ferret.Server.Store;

namespace Ferret.Server.Hosting;

/// <summary>
/// <c>DATA/ferret-serve.json</c>, read at start and applied under the command line's settings:
/// <code>
/// { "listen": "127.0.0.1", "hecPort": 8088, "restPort": 8089, "webPort": 8000, "content": "DIR", "adminPassword": "...",
///   "bearerTokens": ["..."], "enable": ["WMI*"], "realtimeSchedule": true, "allowSkew": "0", "riskIncidentRules": false,
///   "indexes": [{ "name": "edr", "bucketSpanSeconds": 86400, "maxAgeSeconds": 7776000, "maxTotalMB": 10240 }],
///   "hecTokens": [{ "token": "...", "defaultIndex": "main", "allowedIndexes": ["main"], "useAck": true,
///                   "sourcetype": "...", "source": "...", "host": "..." }],
///   "users": [{ "name": "alice", "password": "...", "roles": ["ess_analyst"] }] }
/// </code>
/// A file that is not valid JSON, or a value of the wrong type, stops the start with the file and what is wrong.
/// </summary>
internal static class SettingsFile
{
    public const string FileName = "ferret-serve.json";

    public static ServerSettings Apply(ServerSettings settings)
    {
        var path = Path.Combine(settings.DataDirectory, FileName);
        if (!File.Exists(path))
        {
            return settings;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Apply(settings, document.RootElement);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{path}: {error.Message}", error);
        }
    }

    private static ServerSettings Apply(ServerSettings settings, JsonElement root)
    {
        if (Text(root, "listen") is { } listen)
        {
            settings = settings with { ListenAddress = IPAddress.Parse(listen) };
        }

        if (root.TryGetProperty("hecPort", out var hecPort))
        {
            settings = settings with { HecPort = hecPort.GetInt32() };
        }

        if (root.TryGetProperty("restPort", out var restPort))
        {
            settings = settings with { RestPort = restPort.GetInt32() };
        }

        if (root.TryGetProperty("webPort", out var webPort))
        {
            settings = settings with { WebPort = webPort.GetInt32() };
        }

        settings = settings with
        {
            Schedule = new SchedulePolicy(
                root.TryGetProperty("realtimeSchedule", out var realtime) ? realtime.GetBoolean() : settings.Schedule.RealtimeSchedule,
                Text(root, "allowSkew") ?? settings.Schedule.AllowSkew),
            ContentDirectory = settings.ContentDirectory ?? Text(root, "content"),
            AdminPassword = settings.AdminPassword ?? Text(root, "adminPassword"),
            BearerTokens = [.. settings.BearerTokens, .. Strings(root, "bearerTokens")],
            EnabledDetections = [.. settings.EnabledDetections, .. Strings(root, "enable")],
            RiskIncidentRules = settings.RiskIncidentRules || (root.TryGetProperty("riskIncidentRules", out var riskRules) && riskRules.ValueKind == System.Text.Json.JsonValueKind.True),
            HecTokens = [.. settings.HecTokens, .. Items(root, "hecTokens").Select(Token)],
            WebUsers = [.. settings.WebUsers, .. Items(root, "users").Select(User)],
            Indexes = [.. settings.Indexes, .. Items(root, "indexes").Select(Index).Where(i => settings.Indexes.All(d => d.Name != i.Name))],
        };
        return settings;
    }

    private static HecToken Token(JsonElement item) => new(Text(item, "token") ?? throw new FormatException("a hecTokens item has no \"token\""))
    {
        DefaultIndex = Text(item, "defaultIndex") ?? "main",
        AllowedIndexes = Strings(item, "allowedIndexes"),
        UseAck = item.TryGetProperty("useAck", out var ack) && ack.GetBoolean(),
        Disabled = item.TryGetProperty("disabled", out var disabled) && disabled.GetBoolean(),
        DefaultSourceType = Text(item, "sourcetype"),
        DefaultSource = Text(item, "source"),
        DefaultHost = Text(item, "host"),
    };

    private static Web.WebUser User(JsonElement item) => new(
        Text(item, "name") ?? throw new FormatException("a users item has no \"name\""),
        Text(item, "password") ?? throw new FormatException("a users item has no \"password\""),
        Strings(item, "roles"));

    private static IndexSettings Index(JsonElement item)
    {
        var name = Text(item, "name") ?? throw new FormatException("an indexes item has no \"name\"");
        if (!IndexSettings.IsValidName(name))
        {
            throw new FormatException($"index name '{name}' is not valid (lower-case letters, digits, '_' and '-')");
        }

        var index = new IndexSettings(name);
        if (item.TryGetProperty("bucketSpanSeconds", out var span))
        {
            index = index with { BucketSpan = TimeSpan.FromSeconds(span.GetInt64()) };
        }

        if (item.TryGetProperty("maxAgeSeconds", out var age))
        {
            index = index with { MaxAge = TimeSpan.FromSeconds(age.GetInt64()) };
        }

        if (item.TryGetProperty("maxTotalMB", out var size))
        {
            index = index with { MaxTotalBytes = size.GetInt64() * 1024 * 1024 };
        }

        return index;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [];

    private static List<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
}
