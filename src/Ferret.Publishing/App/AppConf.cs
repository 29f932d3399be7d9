using Ferret.Content;
using Ferret.Publishing.Conf;

namespace Ferret.Publishing.App;

/// <summary><c>default/app.conf</c> (contentctl's app.conf template) and <c>metadata/default.meta</c>, which
/// exports the app's objects to every app so Enterprise Security sees the correlation searches.</summary>
public static class AppConf
{
    public static IEnumerable<ConfStanza> Stanzas(ContentAppInfo app, string version, int build) =>
    [
        new ConfStanzaBuilder("install")
            .Add("is_configured", "false")
            .Add("state", "enabled")
            .Add("state_change_requires_restart", "false")
            .Add("build", build)
            .Build(),
        new ConfStanzaBuilder("triggers")
            .Add("reload.analytic_stories", "simple")
            .Add("reload.usage_searches", "simple")
            .Add("reload.use_case_library", "simple")
            .Add("reload.correlationsearches", "simple")
            .Add("reload.analyticstories", "simple")
            .Add("reload.governance", "simple")
            .Add("reload.managed_configurations", "simple")
            .Add("reload.postprocess", "simple")
            .Add("reload.content-version", "simple")
            .Add("reload.es_investigations", "simple")
            .Build(),
        new ConfStanzaBuilder("launcher")
            .Add("author", app.AuthorCompany)
            .Add("version", version)
            .Add("description", app.Description)
            .Build(),
        new ConfStanzaBuilder("ui")
            .Add("is_visible", "true")
            .Add("label", app.Title)
            .Build(),
        new ConfStanzaBuilder("package")
            .Add("id", app.AppId)
            .Build(),
    ];

    public static IEnumerable<ConfStanza> DefaultMeta() =>
    [
        new ConfStanzaBuilder(string.Empty)
            .Add("access", "read : [ * ], write : [ admin ]")
            .Add("export", "system")
            .Build(),
    ];
}
