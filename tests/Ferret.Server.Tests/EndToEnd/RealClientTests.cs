using System.Net;
using System.Text;
using System.Text.Json;
using Ferret.Server.Tests.Infrastructure;
using Ferret.Testing;

namespace Ferret.Server.Tests.EndToEnd;

/// <summary>
/// The loop the issue asks for, with the real clients: replay.py sends a real attack dataset to HEC on 8088,
/// splunk-sdk-python counts it over REST, dispatches the detection's saved search with trigger_actions=1, and the
/// notables and risk events land in their indexes; a killed server (SIGKILL right after the acknowledgement) restarts
/// with the same count. Each test starts and stops its own server on loopback.
/// </summary>
[Collection(HecPortCollection.Name)]
[Trait("Category", "Server")]
public sealed class RealClientTests
{
    private const string Password = "ferret-test-password";

    /// <summary>A fixed end of the dispatch window (2030-03-17), so two dispatches cover the same window.</summary>
    private const string Latest = "1900000000";

    [Fact]
    public async Task Replayed_dataset_is_counted_by_the_sdk_and_its_detection_writes_notables_and_risk_events()
    {
        var dataset = ReplayDataset.SidHistory;
        var expected = dataset.ExpectedEvents();
        using var folder = new TemporaryFolder();
        using var server = await Start(folder.Path);

        var (exit, output) = dataset.Replay(folder.Path);
        Assert.True(exit == 0, output);
        Assert.Contains(":white_check_mark: Sent", output, StringComparison.Ordinal);

        var counted = Sdk(server, "oneshot", $"search index=attack_data host={dataset.HostId} | stats count");
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), counted[0].GetProperty("count").GetString());

        var xmlCounted = Sdk(server, "xml-oneshot", $"search index=attack_data sourcetype={dataset.SourceType} | stats count by host");
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), xmlCounted[0].GetProperty("count").GetString());

        var dispatched = SdkObject(server, "dispatch", dataset.SavedSearch, "0", Latest);
        Assert.Equal("DONE", dispatched.GetProperty("dispatchState").GetString());
        Assert.Equal("0 * * * *", dispatched.GetProperty("cron_schedule").GetString());
        var results = dispatched.GetProperty("resultCount").GetInt32();
        Assert.True(results > 0, "the detection found nothing in its own test dataset");
        Assert.Equal(results, dispatched.GetProperty("rows").GetInt32());

        var notables = Sdk(server, "oneshot", $"search index=notable search_name=\"{dataset.SavedSearch}\" | stats count, dc(orig_sid) as sids");
        Assert.Equal(results.ToString(System.Globalization.CultureInfo.InvariantCulture), notables[0].GetProperty("count").GetString());
        Assert.Equal("1", notables[0].GetProperty("sids").GetString());
        var risks = Sdk(server, "oneshot", $"search index=risk search_name=\"{dataset.SavedSearch}\" | stats count by risk_object_type");
        Assert.NotEmpty(risks);

        // Dispatching the same window again writes no second copy of its notables (idempotent per search and window).
        SdkObject(server, "dispatch", dataset.SavedSearch, "0", Latest);
        var again = Sdk(server, "oneshot", "search index=notable | stats count");
        Assert.Equal(results.ToString(System.Globalization.CultureInfo.InvariantCulture), again[0].GetProperty("count").GetString());
    }

    [Fact]
    public async Task Acknowledged_events_survive_a_killed_server()
    {
        var dataset = ReplayDataset.SysmonCopy;
        var expected = dataset.ExpectedEvents();
        using var folder = new TemporaryFolder();
        var data = Path.Combine(folder.Path, "data");
        using (var server = await Start(data))
        {
            var (exit, output) = dataset.Replay(folder.Path);
            Assert.True(exit == 0, output);
            Assert.Contains(":white_check_mark: Sent", output, StringComparison.Ordinal);

            // One more request with acknowledgement, killed right after its answer.
            using var client = Https.Client();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"https://127.0.0.1:{server.HecPort}/services/collector/event"))
            {
                Content = new StringContent("""{"event": "last words before the crash", "index": "main", "time": 1700000000}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", "Splunk " + ReplayDataset.Token);
            request.Headers.TryAddWithoutValidation("X-Splunk-Request-Channel", Guid.NewGuid().ToString());
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"ackId\":0", body, StringComparison.Ordinal);
            server.KillHard();
        }

        using var restarted = await Start(data);
        var counted = Sdk(restarted, "oneshot", $"search index=attack_data host={dataset.HostId} | stats count");
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), counted[0].GetProperty("count").GetString());
        var last = Sdk(restarted, "oneshot", "search index=main \"last words before the crash\" | stats count");
        Assert.Equal("1", last[0].GetProperty("count").GetString());
    }

    [Fact]
    public async Task Hec_answers_bad_tokens_and_malformed_json_with_splunks_codes()
    {
        using var folder = new TemporaryFolder();
        using var server = await Start(folder.Path);
        using var client = Https.Client();

        var badToken = await Post(client, server, "bad-token", """{"event": "x"}""");
        Assert.Equal((HttpStatusCode.Forbidden, 4), badToken);
        var channel = Guid.NewGuid().ToString();
        var malformed = await Post(client, server, ReplayDataset.Token, """{"event": "x" """, channel);
        Assert.Equal((HttpStatusCode.BadRequest, 6), malformed);
        var noToken = await Post(client, server, null, """{"event": "x"}""");
        Assert.Equal((HttpStatusCode.Unauthorized, 2), noToken);
        var undeclaredIndex = await Post(client, server, ReplayDataset.Token, """{"event": "x", "index": "nosuchindex"}""", channel);
        Assert.Equal((HttpStatusCode.BadRequest, 7), undeclaredIndex);
        var noEvent = await Post(client, server, ReplayDataset.Token, """{"host": "h"}""", channel);
        Assert.Equal((HttpStatusCode.BadRequest, 12), noEvent);
        var noChannel = await Post(client, server, "acked-token", """{"event": "x"}""");
        Assert.Equal((HttpStatusCode.BadRequest, 10), noChannel);
        var withChannel = await Post(client, server, "acked-token", """{"event": "x"}""", channel);
        Assert.Equal((HttpStatusCode.OK, 0), withChannel);
    }

    private static async Task<(HttpStatusCode Status, int Code)> Post(HttpClient client, ServerProcess server, string? token, string body, string? channel = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"https://127.0.0.1:{server.HecPort}/services/collector/event"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Splunk " + token);
        }

        if (channel is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Splunk-Request-Channel", channel);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.GetProperty("code").GetInt32());
    }

    private static async Task<ServerProcess> Start(string data)
    {
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, "ferret-serve.json"), """{ "hecTokens": [{ "token": "acked-token", "useAck": true }] }""");
        return await ServerProcess.StartAsync(data, 8088, FreePort.Next(),
            "--content", SharedCorpus.Require("escu"), "--hec-token", ReplayDataset.Token, "--hec-ack", "--admin-password", Password);
    }

    private static List<JsonElement> Sdk(ServerProcess server, params string[] arguments) =>
        [.. SdkObject(server, arguments).EnumerateArray()];

    private static JsonElement SdkObject(ServerProcess server, params string[] arguments)
    {
        var (exit, output) = Python.Run(Python.Client("sdk_client.py"), [$"{server.RestPort}", Password, .. arguments], Python.SdkEnvironment());
        Assert.True(exit == 0, $"sdk_client.py {string.Join(' ', arguments)} failed:\n{output}\nserver:\n{server.Output}");
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{') || l.StartsWith('['));
        return JsonDocument.Parse(line).RootElement.Clone();
    }
}
