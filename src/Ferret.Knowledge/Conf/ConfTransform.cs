using System.Text.RegularExpressions;
using Ferret.Engine.Text;
using Ferret.Events;
using Ferret.Ingest.Text;
using Ferret.Knowledge.Loading;

namespace Ferret.Knowledge.Conf;

/// <summary>
/// A transforms.conf stanza used as a field transform (transforms.conf spec): <c>REGEX</c> with <c>FORMAT</c>
/// (<c>name::$1 other::$2</c>, or <c>$1::$2</c> for names taken from the event), or named groups
/// (<c>_KEY_n</c>/<c>_VAL_n</c> pairs too); or <c>DELIMS</c> with <c>FIELDS</c> (positional values, as PAN's CSV), or
/// <c>DELIMS</c> alone (pair and key/value delimiters); read from <c>SOURCE_KEY</c> (default <c>_raw</c>).
/// </summary>
public sealed partial class ConfTransform
{
    private ConfTransform(string name, Regex? regex, string? format, string sourceKey, string? destKey, char[]? pairDelimiters, char[]? valueDelimiters, IReadOnlyList<string> fields, bool multivalueAdd)
    {
        Name = name;
        Pattern = regex;
        Format = format;
        SourceKey = sourceKey;
        DestKey = destKey;
        PairDelimiters = pairDelimiters;
        ValueDelimiters = valueDelimiters;
        Fields = fields;
        MultivalueAdd = multivalueAdd;
    }

    public string Name { get; }

    public Regex? Pattern { get; }

    public string? Format { get; }

    public string SourceKey { get; }

    public string? DestKey { get; }

    public char[]? PairDelimiters { get; }

    public char[]? ValueDelimiters { get; }

    public IReadOnlyList<string> Fields { get; }

    public bool MultivalueAdd { get; }

    /// <summary>Reads a stanza; null with a problem (file:line) when its REGEX does not compile or it has neither REGEX nor DELIMS.</summary>
    public static ConfTransform? Read(ConfStanza stanza, ICollection<KnowledgeProblem> problems)
    {
        Regex? regex = null;
        if (stanza.Setting("REGEX") is { } regexSetting)
        {
            if (!RegexCache.TryGet(regexSetting.Value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1), out var compiled, out var error))
            {
                problems.Add(new KnowledgeProblem(regexSetting.File, regexSetting.Line, 1, $"transform '{stanza.Name}': REGEX does not compile: {error}"));
                return null;
            }

            regex = compiled;
        }

        char[]? pairs = null;
        char[]? values = null;
        if (stanza["DELIMS"] is { } delims)
        {
            var parts = QuotedList(delims);
            pairs = parts.Count > 0 ? Unescape(parts[0]).ToCharArray() : null;
            values = parts.Count > 1 ? Unescape(parts[1]).ToCharArray() : null;
        }

        if (regex is null && pairs is null)
        {
            return null;
        }

        var fields = stanza["FIELDS"] is { } list ? QuotedList(list) : [];
        var sourceKey = stanza["SOURCE_KEY"] ?? FieldNames.Raw;
        if (sourceKey.StartsWith("field:", StringComparison.Ordinal))
        {
            sourceKey = sourceKey["field:".Length..];
        }

        return new ConfTransform(stanza.Name, regex, stanza["FORMAT"], sourceKey, stanza["DEST_KEY"], pairs, values, fields,
            string.Equals(stanza["MV_ADD"], "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The fields this transform extracts from <paramref name="text"/>, in order (a name may repeat).</summary>
    public IEnumerable<(string Name, string Value)> Extract(string text)
    {
        if (Pattern is not null)
        {
            return ExtractByRegex(text);
        }

        return Fields.Count > 0 ? ExtractPositional(text) : ExtractPairs(text);
    }

    private List<(string, string)> ExtractByRegex(string text)
    {
        var pattern = Pattern!;
        var dynamicNames = Format is not null && Format.Contains("::", StringComparison.Ordinal) && Format.TrimStart().StartsWith('$');
        var hasKeyGroups = pattern.GetGroupNames().Any(g => g.StartsWith("_KEY_", StringComparison.Ordinal));
        var matches = dynamicNames || hasKeyGroups ? pattern.Matches(text).ToList() : [pattern.Match(text)];
        var result = new List<(string, string)>();
        foreach (var match in matches.Where(m => m.Success))
        {
            if (Format is not null)
            {
                foreach (Match part in FormatPair().Matches(Format))
                {
                    var name = Substitute(part.Groups["name"].Value, match);
                    var value = Substitute(part.Groups["value"].Value.Trim('"'), match);
                    if (name.Length > 0)
                    {
                        result.Add((name, value));
                    }
                }

                continue;
            }

            foreach (var group in pattern.GetGroupNames())
            {
                if (int.TryParse(group, out _) || !match.Groups[group].Success)
                {
                    continue;
                }

                if (group.StartsWith("_KEY_", StringComparison.Ordinal))
                {
                    var valueGroup = match.Groups["_VAL_" + group["_KEY_".Length..]];
                    if (valueGroup.Success)
                    {
                        result.Add((match.Groups[group].Value, valueGroup.Value));
                    }
                }
                else if (!group.StartsWith("_VAL_", StringComparison.Ordinal))
                {
                    result.Add((group, match.Groups[group].Value));
                }
            }
        }

        return result;
    }

    /// <summary>The FORMAT with <c>$n</c> replaced by the first match's groups (an index-time transform's new value),
    /// or null when the REGEX does not match.</summary>
    public string? Rewrite(string text)
    {
        if (Pattern?.Match(text) is not { Success: true } match)
        {
            return null;
        }

        return Substitute(Format ?? string.Empty, match);
    }

    private static string Substitute(string template, Match match) =>
        GroupReference().Replace(template, r => match.Groups[int.Parse(r.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].Value);

    /// <summary>DELIMS with FIELDS: the n-th value (split on the delimiter, double quotes kept together) is the n-th field.</summary>
    private IEnumerable<(string, string)> ExtractPositional(string text)
    {
        var values = CsvLine.Split(text, PairDelimiters!);
        for (var i = 0; i < Math.Min(values.Count, Fields.Count); i++)
        {
            yield return (Fields[i], values[i]);
        }
    }

    /// <summary>DELIMS alone: pairs split on the first delimiters, each pair's key and value on the second.</summary>
    private IEnumerable<(string, string)> ExtractPairs(string text)
    {
        if (ValueDelimiters is null)
        {
            yield break;
        }

        foreach (var pair in CsvLine.Split(text, PairDelimiters!))
        {
            var at = pair.IndexOfAny(ValueDelimiters);
            if (at > 0)
            {
                yield return (pair[..at].Trim(), pair[(at + 1)..].Trim().Trim('"'));
            }
        }
    }

    /// <summary>A comma-separated list whose items may be double-quoted (<c>"a","b", c</c>).</summary>
    internal static List<string> QuotedList(string text) =>
        [.. QuotedItem().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value.Trim()).Where(v => v.Length > 0)];

    private static string Unescape(string text) =>
        text.Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal)
            .Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex(@"""((?:[^""\\]|\\.)*)""|([^,]+)")]
    private static partial Regex QuotedItem();

    [GeneratedRegex(@"(?<name>\$?[^\s:]+)::(?<value>""[^""]*""|\S*)")]
    private static partial Regex FormatPair();

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex GroupReference();
}
