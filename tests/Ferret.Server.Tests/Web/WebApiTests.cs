using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ferret.Server.Hosting;
using Ferret.Server.Tests.Infrastructure;
using Ferret.Server.Web;

namespace Ferret.Server.Tests.Web;

/// <summary>The web port's login, roles and API over real HTTPS, with a server on the embedded sample content.</summary>
[Trait("Category", "Server")]
public sealed class WebApiTests
{
    private const string Rule = "ESCU - Sample WMIC Process Call Create - Rule";

    [Fact]
    public async Task The_api_answers_only_a_logged_in_user_and_a_change_only_as_json()
    {
        using var folder = new TemporaryFolder();
        await using var server = await Start(folder.Path);
        using var anonymous = Client(out _);
        var url = Url(server);

        using var page = await anonymous.GetAsync(new Uri(url + "/"), TestContext.Current.CancellationToken);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("/assets/app.js", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(url + "/assets/app.js"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url + "/assets/nothing.js"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(url + "/api/notables"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await LogIn(anonymous, url, "admin", "wrong"));

        using var admin = Client(out var cookies);
        Assert.Equal(HttpStatusCode.OK, await LogIn(admin, url, "admin", "admin-pw"));
        var cookie = cookies.GetCookies(new Uri(url)).Single(c => c.Name == WebSessions.CookieName);
        Assert.True(cookie.HttpOnly && cookie.Secure);
        using var form = await admin.PostAsync(new Uri(url + "/api/search"), new StringContent("search=index%3Dmain", Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);

        using var search = await admin.PostAsJsonAsync(new Uri(url + "/api/search"), new { search = "index=_internal component=server | stats count", earliest = "0" }, TestContext.Current.CancellationToken);
        using var result = JsonDocument.Parse(await search.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["count"], result.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        using var bad = await admin.PostAsJsonAsync(new Uri(url + "/api/search"), new { search = "index=main | nosuchcommand", earliest = "0" }, TestContext.Current.CancellationToken);
        using var badResult = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("nosuchcommand", badResult.RootElement.GetProperty("messages")[0].GetString(), StringComparison.Ordinal);

        using var loggedOut = await admin.PostAsJsonAsync(new Uri(url + "/api/logout"), new { }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync(new Uri(url + "/api/session"), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_reader_may_not_change_anything_and_an_admins_scheduling_choice_survives_a_restart()
    {
        using var folder = new TemporaryFolder();
        await using (var server = await Start(folder.Path))
        {
            var url = Url(server);
            using var reader = Client(out _);
            Assert.Equal(HttpStatusCode.OK, await LogIn(reader, url, "reader", "reader-pw"));
            using var refused = await reader.PostAsJsonAsync(new Uri(url + "/api/detections/enabled"), new { name = Rule, enabled = true }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var review = await reader.PostAsJsonAsync(new Uri(url + "/api/notables/x/review"), new { status = "2" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);

            using var admin = Client(out _);
            Assert.Equal(HttpStatusCode.OK, await LogIn(admin, url, "admin", "admin-pw"));
            using var unknown = await admin.PostAsJsonAsync(new Uri(url + "/api/detections/enabled"), new { name = "ESCU - Nothing - Rule", enabled = true }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            using var enabled = await admin.PostAsJsonAsync(new Uri(url + "/api/detections/enabled"), new { name = Rule, enabled = true }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            Assert.Equal([Rule], server.SavedSearches.Enabled.Select(s => s.Name));
        }

        await using var restarted = await Start(folder.Path);
        Assert.Equal([Rule], restarted.SavedSearches.Enabled.Select(s => s.Name));
        using var client = Client(out _);
        Assert.Equal(HttpStatusCode.OK, await LogIn(client, Url(restarted), "admin", "admin-pw"));
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri(Url(restarted) + "/api/detections"), TestContext.Current.CancellationToken));
        var row = list.RootElement.EnumerateArray().Single(d => d.GetProperty("name").GetString() == Rule);
        Assert.True(row.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Number, row.GetProperty("nextRun").ValueKind);
    }

    private static Task<FerretServer> Start(string data) =>
        InProcessServer.StartAsync(InProcessServer.Settings(data) with
        {
            AdminPassword = "admin-pw",
            WebUsers = [new WebUser("reader", "reader-pw", ["ess_user"])],
        });

    private static string Url(FerretServer server) => $"https://127.0.0.1:{server.WebPort}";

    private static HttpClient Client(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler
        {
            CookieContainer = cookies,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        });
    }

    private static async Task<HttpStatusCode> LogIn(HttpClient client, string url, string user, string password)
    {
        using var response = await client.PostAsJsonAsync(new Uri(url + "/api/login"), new { username = user, password }, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
