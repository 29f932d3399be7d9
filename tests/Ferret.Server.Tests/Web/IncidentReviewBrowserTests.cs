using System.Text.Json;
using Ferret.Server.Tests.EndToEnd;
using Ferret.Server.Tests.Infrastructure;
using Ferret.Testing;
using Microsoft.Playwright;

namespace Ferret.Server.Tests.Web;

/// <summary>
/// The web pages in Debian's headless Chromium, on notables made by real data: replay.py sends two real attack datasets
/// to HEC on 8088, their detections' saved searches are dispatched with trigger_actions=1 through splunk-sdk-python,
/// and a browser logs in at https://127.0.0.1:8000. Incident Review lists each notable with its title (the detection's
/// name) and risk object; a notable's status changed in its detail survives a reload and a killed and restarted server.
/// The run takes screenshots of Incident Review (desktop and phone), a notable, search and detections; with
/// FERRET_UPDATE_DOCS=1 they are written into docs/ for review, otherwise to a temporary folder, so a test run does not
/// rewrite tracked files.
/// </summary>
[Collection(HecPortCollection.Name)]
[Trait("Category", "Server")]
public sealed class IncidentReviewBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Password = "ferret-web-password";
    private const int WebPort = 8000;
    private const string Latest = "1900000000";

    [Fact]
    public async Task An_analyst_sees_a_replayed_datasets_notable_and_its_status_change_survives_a_reload_and_a_restart()
    {
        var escu = SharedCorpus.Require("escu");
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} not found (Debian package chromium; .ci/run installs it)");
        }

        using var ports = await FixedPorts.HoldAsync(8088, WebPort);
        using var folder = new TemporaryFolder();
        var data = Path.Combine(folder.Path, "data");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, "ferret-serve.json"),
            """{ "users": [{ "name": "analyst", "password": "analyst-password", "roles": ["ess_analyst"] }] }""", TestContext.Current.CancellationToken);
        var restPort = FreePort.Next();
        string[] arguments = ["--web-port", $"{WebPort}", "--content", escu, "--hec-token", ReplayDataset.Token, "--admin-password", Password,
            "--enable", ReplayDataset.SidHistory.Detection];
        var dataset = ReplayDataset.SidHistory;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        string riskObject;
        using (var server = await ServerProcess.StartAsync(data, 8088, restPort, arguments))
        {
            foreach (var replayed in new[] { ReplayDataset.SidHistory, ReplayDataset.SysmonCopy })
            {
                var (exit, output) = replayed.Replay(folder.Path);
                Assert.True(exit == 0, output);
                var dispatched = Sdk(server, "dispatch", replayed.SavedSearch, "0", Latest);
                Assert.True(dispatched.GetProperty("resultCount").GetInt32() > 0, $"{replayed.Detection} found nothing in its own dataset");
            }

            var riskObjects = Sdk(server, "oneshot", $"search index=risk search_name=\"{dataset.SavedSearch}\" | stats count by risk_object")
                .EnumerateArray().Select(r => r.GetProperty("risk_object").GetString()!).ToList();
            Assert.NotEmpty(riskObjects);

            var page = await LogIn(browser, 1280);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incident Review" })).ToBeVisibleAsync();
            var row = page.Locator("table.notables tbody tr").Filter(new() { HasText = dataset.Detection }).First;
            await Assertions.Expect(row).ToBeVisibleAsync();
            riskObject = (await row.Locator("td[data-label='Risk object'] .object").InnerTextAsync()).Trim();
            Assert.Contains(riskObject, riskObjects);
            await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("New");
            await Screenshot(page, "web-incident-review.png");

            await row.GetByRole(AriaRole.Link, new() { Name = dataset.Detection }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = dataset.Detection, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".risk-summary .object")).ToHaveTextAsync(riskObject);
            await Assertions.Expect(page.GetByText("Contributing risk events")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("pre.spl")).ToContainTextAsync("wineventlog_security");
            await page.SelectOptionAsync("#t-status", new SelectOptionValue { Label = "In Progress" });
            await page.SelectOptionAsync("#t-owner", "analyst");
            await page.FillAsync("#t-comment", "SID history added on a domain controller: checking with the AD team.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.Locator(".history li")).ToHaveCountAsync(1);
            await Screenshot(page, "web-notable.png", fullPage: true);

            await page.ReloadAsync();
            await Assertions.Expect(page.Locator(".notable-head .status")).ToHaveTextAsync("In Progress");
            await Assertions.Expect(page.Locator("#t-owner")).ToHaveValueAsync("analyst");

            await page.GotoAsync($"https://127.0.0.1:{WebPort}/#/search?q={Uri.EscapeDataString($"index=attack_data | stats count by host, sourcetype, source")}&earliest=0");
            await Assertions.Expect(page.Locator("table.results tbody tr").First).ToBeVisibleAsync();
            await Screenshot(page, "web-search.png");

            await page.GotoAsync($"https://127.0.0.1:{WebPort}/#/detections");
            var scheduled = page.Locator("table.detections tbody tr").Filter(new() { HasText = dataset.Detection });
            await Assertions.Expect(scheduled.GetByRole(AriaRole.Switch)).ToHaveAttributeAsync("aria-checked", "true");
            await Assertions.Expect(scheduled.Locator("td[data-label='Next run']")).Not.ToHaveTextAsync("—");
            await Screenshot(page, "web-detections.png");

            var phone = await LogIn(browser, 390);
            await Assertions.Expect(phone.Locator("table.notables tbody tr").First).ToBeVisibleAsync();
            Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "Incident Review is wider than a phone's screen");
            await Screenshot(phone, "web-incident-review-phone.png");
            server.KillHard();
        }

        using var restarted = await ServerProcess.StartAsync(data, 8088, restPort, arguments);
        var again = await LogIn(browser, 1280);
        var after = again.Locator("table.notables tbody tr").Filter(new() { HasText = dataset.Detection }).First;
        await Assertions.Expect(after.Locator(".status")).ToHaveTextAsync("In Progress");
        await Assertions.Expect(after.Locator("td[data-label='Owner']")).ToHaveTextAsync("analyst");
        await Assertions.Expect(after.Locator("td[data-label='Risk object'] .object")).ToHaveTextAsync(riskObject);
    }

    private static async Task<IPage> LogIn(IBrowser browser, int width)
    {
        var context = await browser.NewContextAsync(new() { IgnoreHTTPSErrors = true, ViewportSize = new() { Width = width, Height = width < 600 ? 844 : 860 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"https://127.0.0.1:{WebPort}/");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", Password);
        await page.PressAsync("#password", "Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Incident Review" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task Screenshot(IPage page, string name, bool fullPage = false)
    {
        var path = DocsScreenshot.PathFor(name);
        try
        {
            await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
            Assert.True(new FileInfo(path).Length > 5_000, $"the screenshot {path} is nearly empty");
        }
        finally
        {
            DocsScreenshot.Release(path);
        }
    }

    private static JsonElement Sdk(ServerProcess server, params string[] arguments)
    {
        var (exit, output) = Python.Run(Python.Client("sdk_client.py"), [$"{server.RestPort}", Password, .. arguments], Python.SdkEnvironment());
        Assert.True(exit == 0, $"sdk_client.py {string.Join(' ', arguments)} failed:\n{output}\nserver:\n{server.Output}");
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{') || l.StartsWith('['));
        return JsonDocument.Parse(line).RootElement.Clone();
    }
}
