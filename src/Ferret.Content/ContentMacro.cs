namespace Ferret.Content;

/// <summary>
/// A search macro as the content defines it (<c>macros/*.yml</c>), or as an override replaced it.
/// <see cref="Name"/> is the bare name; its arity is <see cref="Arguments"/>.Count, and Splunk's key for
/// it is <see cref="Key"/> (<c>name(N)</c> when it takes arguments, macros.conf stanza naming).
/// </summary>
public sealed record ContentMacro(
    string Name,
    IReadOnlyList<string> Arguments,
    string Definition,
    string Description,
    MacroOrigin Origin,
    string FilePath)
{
    public string Key => MacroKey(Name, Arguments.Count);

    public static string MacroKey(string name, int arity) => arity == 0 ? name : $"{name}({arity})";
}

/// <summary>Where a macro's definition came from; later origins replace earlier ones.</summary>
public enum MacroOrigin
{
    /// <summary>The content's own <c>macros/</c> folder.</summary>
    Content,

    /// <summary>Ferret's shipped overrides of environment macros (sysmon, powershell, ...) for its own ingestion.</summary>
    FerretEnvironment,

    /// <summary>A user's local overrides file.</summary>
    LocalOverride,
}
