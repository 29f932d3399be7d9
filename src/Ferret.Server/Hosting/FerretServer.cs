using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Detection.RiskAlerting;
using Ferret.Events;
using Ferret.Knowledge;
using Ferret.Server.Detections;
using Ferret.Server.Hec;
using Ferret.Server.Logging;
using Ferret.Server.Rest;
using Ferret.Server.Rest.Jobs;
using Ferret.Server.Scheduling;
using Ferret.Server.Search;
using Ferret.Server.Store;
using Ferret.Server.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ferret.Server.Hosting;

/// <summary>
/// <c>ferret serve</c>: the store, HEC on one port, the REST API on another, the web pages on a third (all HTTPS with one
/// certificate), the scheduler and the store's maintenance (rolling buckets, retention). <see cref="StartAsync"/> returns
/// once every port listens; <see cref="DisposeAsync"/> stops everything and closes the store.
/// </summary>
public sealed class FerretServer : IAsyncDisposable
{
    private readonly ServerSettings _settings;
    private readonly TextWriter? _console;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly List<WebApplication> _apps = [];
    private SampleContent? _sample;
    private ScheduleState? _state;
    private ReviewStore? _reviews;

    internal FerretServer(ServerSettings settings, TextWriter? console)
    {
        _settings = settings;
        _console = console;
    }

    internal EventStore Store { get; private set; } = null!;

    internal int WebPort => _settings.WebPort;

    internal Scheduler Scheduler { get; private set; } = null!;

    internal SavedSearchCatalog SavedSearches { get; private set; } = null!;

    internal InternalLog Log { get; private set; } = null!;

    internal string AdminPassword { get; private set; } = string.Empty;

    internal async Task StartAsync()
    {
        Directory.CreateDirectory(_settings.DataDirectory);
        var clock = _settings.Clock;
        Store = new EventStore(_settings.DataDirectory, _settings.Indexes, clock);
        Log = new InternalLog(Store, clock, _console);
        var problems = new LoggedProblems(Log);
        _sample = _settings.ContentDirectory is null ? SampleContent.Extract() : null;
        var content = ContentRepository.Load(_sample?.ContentDirectory ?? _settings.ContentDirectory!, problems).WithEnvironmentDefaults(problems);
        var knowledge = _settings.AppDirectories.Count == 0 ? KnowledgeBase.LoadDefault() : KnowledgeBase.Load(_settings.AppDirectories, new Ferret.Knowledge.Compilation.EngineKnowledgeCompiler());
        var environment = new SearchEnvironment(content, knowledge, Store, clock, problems);
        foreach (var unmatched in SavedSearchCatalog.Unmatched(content, _settings.EnabledDetections))
        {
            Log.Warn("scheduler", $"--enable '{unmatched}' matches no detection of the content");
        }

        var riskRules = RiskIncidentRules.For(_settings.RiskAlerting);
        SavedSearches = new SavedSearchCatalog(content, _settings.EnabledDetections, riskRules, _settings.RiskIncidentRules);
        var runner = new HuntDetectionRunner(content, riskRules, knowledge, environment.Lookups, clock);
        var dispatcher = new DetectionDispatcher(environment, runner, Log);
        _state = new ScheduleState(_settings.DataDirectory);
        Scheduler = new Scheduler(SavedSearches, dispatcher, _state, _settings.Schedule, clock, Log);
        AdminPassword = _settings.AdminPassword ?? GeneratedPassword();
        using var certificate = ServerCertificate.Load(_settings.DataDirectory, _settings.CertificatePath, _settings.CertificatePassword);
        var started = clock.GetUtcNow();

        var hec = new HecEndpoints(Store, _settings.HecTokens, new AckTracker(), Log, clock);
        _reviews = new ReviewStore(_settings.DataDirectory);
        var board = new DetectionBoard(SavedSearches, Store, _reviews, clock);
        board.ApplySaved();
        WebUser[] users = [new(_settings.AdminUser, AdminPassword, ["admin"]), .. _settings.WebUsers];
        var web = new WebEndpoints(new WebSessions(users, clock), new IncidentReview(Store, SavedSearches, _reviews, users, clock), board, new WebSearch(environment), clock);
        var rest = new RestEndpoints(new RestAuth(_settings.AdminUser, AdminPassword, _settings.BearerTokens), new JobManager(environment, dispatcher), SavedSearches, environment, started);
        _apps.Add(Build(_settings.HecPort, certificate, hec.Map));
        _apps.Add(Build(_settings.RestPort, certificate, rest.Map));
        _apps.Add(Build(_settings.WebPort, certificate, web.Map));
        foreach (var app in _apps)
        {
            await app.StartAsync();
        }

        Log.Info("server", $"listening on {_settings.ListenAddress}: HEC https port {_settings.HecPort}, REST https port {_settings.RestPort}, web https port {_settings.WebPort}; "
            + $"{SavedSearches.All.Count} saved searches, {SavedSearches.Enabled.Count()} enabled; indexes {string.Join(", ", Store.IndexNames.Order(StringComparer.Ordinal))}");
        if (_settings.RunScheduler)
        {
            _loops.Add(Scheduler.RunAsync(_stop.Token));
        }

        _loops.Add(MaintainAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await Task.WhenAll(_loops);
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        Scheduler?.Dispose();
        _state?.Dispose();
        _reviews?.Dispose();
        _sample?.Dispose();
        _stop.Dispose();
    }

    private WebApplication Build(int port, X509Certificate2 certificate, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Each listener gets its own copy with the key, alive as long as the app (the loaded original is disposed after start).
        var withKey = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = HecEndpoints.MaxBodyBytes;
            kestrel.Listen(_settings.ListenAddress, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(withKey);
            });
        });
        builder.Services.AddRouting();
        var app = builder.Build();
        map(app);
        return app;
    }

    private async Task MaintainAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), _settings.Clock, stop);
                foreach (var line in Store.Maintain())
                {
                    Log.Info("store", line);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is IOException or Microsoft.Data.Sqlite.SqliteException or UnauthorizedAccessException)
            {
                Log.Error("store", $"maintenance failed: {error.Message}");
            }
        }
    }

    /// <summary>A random admin password written to <c>DATA/admin-password</c> (owner-only) on first start, then reused.</summary>
    private string GeneratedPassword()
    {
        var path = Path.Combine(_settings.DataDirectory, "admin-password");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        File.WriteAllText(path, password + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Log.Info("server", $"no admin password given: generated one into {path}");
        return password;
    }

    /// <summary>Content and search problems go to the server's log.</summary>
    private sealed class LoggedProblems(InternalLog log) : IProblemSink
    {
        public void Report(InputProblem problem) =>
            log.Warn("search", problem.ToString());
    }
}
