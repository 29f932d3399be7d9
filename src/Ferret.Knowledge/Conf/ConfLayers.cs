using Ferret.Knowledge.Loading;

namespace Ferret.Knowledge.Conf;

/// <summary>
/// The merged configuration of a set of apps, one conf name at a time (props, transforms, eventtypes, tags), with
/// Splunk's precedence in the global context (Admin Manual, "Configuration file precedence"): an app's
/// <c>local/</c> over its <c>default/</c>, every app's <c>local/</c> over every app's <c>default/</c>, and between
/// apps the one whose name sorts first (A over Z). Ferret's own app ranks below every user app. A setting of a
/// higher layer replaces the same key of the same stanza; the other keys of the stanza stay.
/// </summary>
public sealed class ConfLayers
{
    private readonly Dictionary<string, Dictionary<string, ConfStanza>> _byConf = new(StringComparer.OrdinalIgnoreCase);

    public ConfLayers(IReadOnlyList<SplunkApp> ownApps, IReadOnlyList<SplunkApp> userApps, ICollection<KnowledgeProblem> problems)
    {
        var byPriority = userApps.OrderByDescending(a => a.Name, StringComparer.Ordinal).ToList();
        var files = ownApps.SelectMany(a => a.DefaultFiles).Concat(ownApps.SelectMany(a => a.LocalFiles))
            .Concat(byPriority.SelectMany(a => a.DefaultFiles))
            .Concat(byPriority.SelectMany(a => a.LocalFiles));
        foreach (var (path, text) in files)
        {
            var conf = Path.GetFileNameWithoutExtension(path);
            if (!_byConf.TryGetValue(conf, out var stanzas))
            {
                _byConf[conf] = stanzas = new Dictionary<string, ConfStanza>(StringComparer.Ordinal);
            }

            foreach (var stanza in ConfFile.Parse(path, text, problems))
            {
                if (!stanzas.TryGetValue(stanza.Name, out var merged))
                {
                    stanzas[stanza.Name] = merged = new ConfStanza(stanza.Name, stanza.File, stanza.Line);
                }

                foreach (var setting in stanza.Settings)
                {
                    merged.Set(setting);
                }
            }
        }

        Apps = [.. ownApps, .. userApps];
    }

    /// <summary>Every app, Ferret's own first.</summary>
    public IReadOnlyList<SplunkApp> Apps { get; }

    /// <summary>The merged stanzas of one conf file (e.g. <c>props</c>), by name.</summary>
    public IReadOnlyDictionary<string, ConfStanza> Stanzas(string conf) =>
        _byConf.TryGetValue(conf, out var stanzas) ? stanzas : new Dictionary<string, ConfStanza>();

    public ConfStanza? Stanza(string conf, string name) =>
        _byConf.TryGetValue(conf, out var stanzas) ? stanzas.GetValueOrDefault(name) : null;

    /// <summary>Opens a lookup file by name from the app that ranks highest (user apps over Ferret's own); null when
    /// no app has it.</summary>
    public Func<TextReader>? LookupFile(string fileName) =>
        Apps.Reverse().Select(app => app.LookupFiles.GetValueOrDefault(fileName)).FirstOrDefault(open => open is not null);
}
