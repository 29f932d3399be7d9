using System.Collections.Frozen;

namespace Ferret.Server.Web;

/// <summary>
/// The web pages' files, embedded in the server: <c>index.html</c> straight from <c>web/src</c>, and the bundle <c>web/build.sh</c> makes from
/// <c>web/src</c> with esbuild (<c>app.js</c>, <c>app.css</c>). Nothing is fetched at run time.
/// </summary>
internal static class WebAssets
{
    private const string Prefix = "Ferret.Server.Web.Assets.";

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(Load);

    public static byte[]? Find(string name) => Files.Value.GetValueOrDefault(name);

    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource[Prefix.Length..]] = copy.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
