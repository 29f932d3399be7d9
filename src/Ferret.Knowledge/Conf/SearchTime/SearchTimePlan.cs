using System.Text.RegularExpressions;
using Ferret.Knowledge.Definitions;
using Ferret.Knowledge.Normalization;

namespace Ferret.Knowledge.Conf.SearchTime;

/// <summary>How <c>KV_MODE</c> extracts fields from <c>_raw</c> (props.conf spec, "KV_MODE").</summary>
public enum KeyValueMode
{
    None,
    Auto,
    Json,
    Xml,
}

/// <summary>An inline extraction, <c>EXTRACT-&lt;class&gt; = &lt;regex&gt; [in &lt;field&gt;]</c>.</summary>
internal sealed record InlineExtraction(string Class, Regex Pattern, string SourceField);

/// <summary>
/// The search-time operations props.conf gives events of one (source, sourcetype, host), compiled once, in the order
/// Splunk runs them (props.conf spec, "search-time operations sequence"): EXTRACT (by class name), REPORT, KV_MODE,
/// FIELDALIAS, EVAL, LOOKUP; event types and tags follow in <see cref="ConfNormalizer"/>.
/// </summary>
internal sealed record SearchTimePlan(
    IReadOnlyList<InlineExtraction> Extractions,
    IReadOnlyList<ConfTransform> Reports,
    KeyValueMode? KeyValueMode,
    IReadOnlyList<FieldAlias> Aliases,
    IReadOnlyList<CompiledCalculatedField> CalculatedFields,
    IReadOnlyList<LookupStep> Lookups)
{
    public static SearchTimePlan Empty { get; } = new([], [], null, [], [], []);

    public bool IsEmpty => Extractions.Count == 0 && Reports.Count == 0 && KeyValueMode is null && Aliases.Count == 0
        && CalculatedFields.Count == 0 && Lookups.Count == 0;
}
