using System.Text.RegularExpressions;
using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>rex</c>: named groups become fields; <c>max_match</c> (default 1, 0 = unlimited) collects several matches as a
/// multivalue field; with no match the fields are left as they were (Search Reference, "rex command").
/// <c>offset_field=</c> names a field that receives where each named group matched, as zero-based first and last
/// character positions (the page's example: ten characters from the start give <c>0-9</c>), written after the group's
/// name and joined by <c>&amp;</c> as Splunk writes them (<c>tenchars=0-9</c>).
/// </summary>
public sealed class RexOperator(string field, string pattern, int maxMatch, string? offsetField = null) : StreamingOperator("rex")
{
    private readonly string[] _groupNames = new Regex(pattern).GetGroupNames().Where(n => !int.TryParse(n, out _)).ToArray();

    public override bool Process(Event e, RunContext run)
    {
        var input = e[field];
        if (input.IsNull)
        {
            return true;
        }

        var regex = Text.RegexCache.GetTranslated(pattern, RegexOptions.None, run.Search.RegexTimeout);
        var collected = new Dictionary<string, List<Scalar>>(StringComparer.Ordinal);
        var offsets = new List<string>();
        var matches = 0;
        foreach (var value in input.Values)
        {
            var text = value.ToString();
            var found = run.Runtime.Guard(regex, () =>
            {
                var results = new List<Match>();
                for (var m = regex.Match(text); m.Success && (maxMatch == 0 || matches + results.Count < maxMatch); m = m.NextMatch())
                {
                    results.Add(m);
                    if (m.Length == 0 && m.Index >= text.Length)
                    {
                        break;
                    }
                }

                return results;
            }, []);
            foreach (var match in found)
            {
                matches++;
                foreach (var name in _groupNames)
                {
                    var group = match.Groups[name];
                    if (group.Success)
                    {
                        if (!collected.TryGetValue(name, out var list))
                        {
                            list = [];
                            collected[name] = list;
                        }

                        list.Add(Scalar.Of(group.Value));
                        offsets.Add($"{name}={group.Index}-{group.Index + group.Length - 1}");
                    }
                }
            }

            if (maxMatch != 0 && matches >= maxMatch)
            {
                break;
            }
        }

        foreach (var (name, values) in collected)
        {
            e.Set(name, FieldValue.Multi(values));
        }

        if (offsetField is not null && offsets.Count > 0)
        {
            e.Set(offsetField, FieldValue.Of(string.Join('&', offsets)));
        }

        return true;
    }
}

/// <summary><c>rex mode=sed</c>: <c>s/regex/replacement/[g|N]</c> or <c>y/abc/xyz/</c> applied to the field.</summary>
public sealed class SedOperator(string field, Func<string, RunContext, string> edit) : StreamingOperator("rex")
{
    public override bool Process(Event e, RunContext run)
    {
        var input = e[field];
        if (!input.IsNull)
        {
            e.Set(field, FieldValue.Multi(input.Values.Select(v => Scalar.Of(edit(v.ToString(), run)))));
        }

        return true;
    }
}
