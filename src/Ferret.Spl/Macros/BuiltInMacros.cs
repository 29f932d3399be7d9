namespace Ferret.Spl.Macros;

/// <summary>
/// Macros of Splunk's Common Information Model app that ESCU searches call but ESCU does not define.
/// <c>drop_dm_object_name(object)</c> strips a data model's dataset prefix from field names (CIM app macros.conf:
/// <c>rename $object$.* AS *</c>). The three <c>*_config</c> macros that <c>security_content_summariesonly</c> uses
/// are defined by ESCU itself; the values here are the same defaults, for content that lacks them.
/// <c>get_asset(1)</c> comes from Enterprise Security (see below).
/// </summary>
public static class BuiltInMacros
{
    public static IReadOnlyList<MacroDefinition> All { get; } =
    [
        new("drop_dm_object_name", ["object"], "rename $object$.* AS *"),
        new("summariesonly_config", "false"),
        new("oldsummaries_config", "true"),
        new("fillnull_config", "null"),
        new("get_asset", ["asset"], GetAssetDefinition),
    ];

    /// <summary>
    /// Enterprise Security's asset enrichment (<c>get_asset(field)</c>): adds <c>field_&lt;attribute&gt;</c> fields from the
    /// asset lookup, matched by string. Ferret has no asset inventory unless the user supplies an
    /// <c>asset_lookup_by_str</c> lookup; without one the engine reports the missing lookup for the detections that use it.
    /// </summary>
    private const string GetAssetDefinition =
        "lookup update=true asset_lookup_by_str key AS $asset$ OUTPUTNEW asset AS $asset$_asset, ip AS $asset$_ip, "
        + "mac AS $asset$_mac, nt_host AS $asset$_nt_host, dns AS $asset$_dns, owner AS $asset$_owner, "
        + "priority AS $asset$_priority, lat AS $asset$_lat, long AS $asset$_long, city AS $asset$_city, "
        + "country AS $asset$_country, bunit AS $asset$_bunit, category AS $asset$_category";
}
