using Microsoft.Playwright;
using Ferret.Testing;

namespace Ferret.Cli.Tests;

/// <summary>
/// The HTML report as a browser draws it: the hunt over the shared EVTX samples rendered by the system's headless
/// Chromium (Debian's <c>chromium</c>, installed by .ci/run) at a desktop width and a phone width. The screenshots are
/// written to docs/ (report-1400.png, report-390.png) when FERRET_UPDATE_DOCS=1, so a change to the page's look shows in
/// review without every test run rewriting them (otherwise to a temporary file); the checks are on
/// the laid-out page: nothing wider than the screen but the timeline's own scroller, table cells wide enough to read,
/// and a legend for the level colours.
/// </summary>
[Trait("Category", "Corpus")]
public sealed class ReportScreenshotTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task The_report_is_readable_at_desktop_and_phone_widths(int width)
    {
        var escu = SharedCorpus.Require("escu");
        var samples = SharedCorpus.Require("data/evtx-attack-samples");
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} not found (Debian package chromium; .ci/run installs it)");
        }

        var report = Path.Combine(Path.GetTempPath(), $"ferret-report-{Guid.NewGuid():N}.html");
        var screenshot = DocsScreenshot.PathFor($"report-{width}.png");
        try
        {
            var hunt = CliRunner.Run("hunt", "-c", escu, "-i", samples, "-f", "csv", "-o", "/dev/null", "--quiet", "--report", report);
            Assert.Equal(0, hunt.ExitCode);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 1800 } });
            await page.GotoAsync(new Uri(report).AbsoluteUri);
            await page.ScreenshotAsync(new() { Path = screenshot });
            Assert.True(new FileInfo(screenshot).Length > 10_000, $"the screenshot {screenshot} is nearly empty");

            var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            var widest = await page.EvaluateAsync<string>(
                "[...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > window.innerWidth && !e.closest('.scroll')).slice(0, 3).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 60)).join(' | ')");
            Assert.True(pageWidth <= width, $"the page is {pageWidth} px wide in a {width} px window: {widest}");
            var narrowestCell = await page.EvaluateAsync<int>(
                "Math.min(...[...document.querySelectorAll('table.cards-narrow td')].map(td => td.getBoundingClientRect().width))");
            Assert.True(narrowestCell >= 40, $"a tactic or host table cell is only {narrowestCell} px wide");
            Assert.Equal(5, await page.Locator(".legend .sev").CountAsync());
            var clippedLabels = await page.EvaluateAsync<int>(
                "[...document.querySelectorAll('svg.timeline text')].filter(t => t.getBBox().x < 0).length");
            Assert.Equal(0, clippedLabels);
        }
        finally
        {
            File.Delete(report);
            DocsScreenshot.Release(screenshot);
        }
    }
}
