using Ferret.Content;
using Ferret.Publishing.Conf;

namespace Ferret.Publishing.App;

/// <summary>
/// <c>default/macros.conf</c>: every macro of the content (stanza <c>name</c> or <c>name(N)</c> with
/// <c>args</c>), and a <c>&lt;detection&gt;_filter</c> macro (<c>search *</c>) for each active detection whose
/// filter the content does not define, where users put their false-positive tuning.
/// </summary>
public static class MacrosConf
{
    public const string FilterDescription = "Update this macro to limit the output results to filter out false positives.";

    public static IEnumerable<ConfStanza> Stanzas(ContentRepository content)
    {
        var stanzas = content.MacroDefinitions.Select(Stanza).ToList();
        var defined = content.MacroDefinitions.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var filter in content.ActiveDetections.Select(d => d.FilterMacroName).Distinct(StringComparer.Ordinal))
        {
            if (defined.Add(filter))
            {
                stanzas.Add(new ConfStanzaBuilder(filter).Add("definition", "search *").Add("description", FilterDescription).Build());
            }
        }

        return stanzas.OrderBy(s => s.Name, StringComparer.Ordinal);
    }

    private static ConfStanza Stanza(ContentMacro macro) =>
        new ConfStanzaBuilder(macro.Key)
            .AddIf(macro.Arguments.Count > 0, "args", string.Join(", ", macro.Arguments))
            .Add("definition", macro.Definition)
            .Add("description", macro.Description)
            .Build();
}
