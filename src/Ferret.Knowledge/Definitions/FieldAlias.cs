namespace Ferret.Knowledge.Definitions;

/// <summary>
/// A field alias (props.conf <c>FIELDALIAS-x = Original AS alias</c>). With <c>AS</c> the alias is
/// overwritten when the original exists; with <c>ASNEW</c> only when the alias does not exist yet; when the
/// original is missing the alias is left alone (Splunk Knowledge Manager Manual, "Create field aliases").
/// </summary>
public sealed record FieldAlias(string Original, string Alias, bool OnlyWhenNew)
{
    /// <summary>Reads Splunk's own text form, <c>Original AS alias</c> or <c>Original ASNEW alias</c>.</summary>
    public static FieldAlias? TryParse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            return null;
        }

        var keyword = parts[1].ToUpperInvariant();
        return keyword switch
        {
            "AS" => new FieldAlias(Unquote(parts[0]), Unquote(parts[2]), OnlyWhenNew: false),
            "ASNEW" => new FieldAlias(Unquote(parts[0]), Unquote(parts[2]), OnlyWhenNew: true),
            _ => null,
        };
    }

    private static string Unquote(string name) =>
        name.Length >= 2 && name[0] == '"' && name[^1] == '"' ? name[1..^1] : name;
}
