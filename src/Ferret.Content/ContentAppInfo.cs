namespace Ferret.Content;

/// <summary>
/// The app a content repository builds into, from its <c>contentctl.yml</c> <c>app:</c> block; ESCU's values
/// when the file is absent. <see cref="Prefix"/> starts every saved search name ("ESCU - name - Rule").
/// </summary>
public sealed record ContentAppInfo
{
    public string AppId { get; init; } = "DA-ESS-ContentUpdate";

    public string Title { get; init; } = "ES Content Updates";

    public string Version { get; init; } = "1.0.0";

    public string Prefix { get; init; } = "ESCU";

    public string Label { get; init; } = "ESCU";

    public string Description { get; init; } = "Explore the Analytic Stories included with ES Content Updates.";

    public string AuthorName { get; init; } = "Splunk Threat Research Team";

    public string AuthorEmail { get; init; } = "research@splunk.com";

    public string AuthorCompany { get; init; } = "Splunk";

    /// <summary>The build number in app.conf <c>[install] build</c>, when the file gives one.</summary>
    public int? Build { get; init; }
}
