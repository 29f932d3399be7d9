using Ferret.Content.Yaml;
using Ferret.Events;
using YamlDotNet.RepresentationModel;

namespace Ferret.Content;

internal static class ContentAppInfoReader
{
    public static ContentAppInfo Read(string root, IProblemSink problems)
    {
        var path = Path.Combine(root, "contentctl.yml");
        var defaults = new ContentAppInfo();
        if (!File.Exists(path) || YamlFile.Load(path, problems) is not YamlMappingNode mapping || mapping.GetMapping("app") is not { } app)
        {
            return defaults;
        }

        return new ContentAppInfo
        {
            AppId = app.GetString("appid") ?? defaults.AppId,
            Title = app.GetString("title") ?? defaults.Title,
            Version = app.GetString("version") ?? defaults.Version,
            Prefix = app.GetString("prefix") ?? defaults.Prefix,
            Label = app.GetString("label") ?? defaults.Label,
            Description = app.GetString("description")?.Trim() ?? defaults.Description,
            AuthorName = app.GetString("author_name") ?? defaults.AuthorName,
            AuthorEmail = app.GetString("author_email") ?? defaults.AuthorEmail,
            AuthorCompany = app.GetString("author_company") ?? defaults.AuthorCompany,
            Build = app.GetInt("build"),
        };
    }
}
