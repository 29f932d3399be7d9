using System.Text.RegularExpressions;
using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>rex</c>: named groups become fields; <c>max_match</c> (default 1, 0 = unlimited) collects several matches as a
/// multivalue field; with no match the fields are left as they were (Search Reference, "rex command").
/// </summary>
public sealed class RexOperator(string field, string pattern, int maxMatch) : StreamingOperator("rex")
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
