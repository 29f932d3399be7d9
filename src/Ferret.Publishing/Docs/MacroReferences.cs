namespace Ferret.Publishing.Docs;

/// <summary>A macro call in a search: <c>`name`</c> or <c>`name(arg, ...)`</c>.</summary>
public sealed record MacroReference(string Name, int Arity);

/// <summary>Finds the macro calls of a search, in order of first use, for the docs' "Macros Used" table.</summary>
public static class MacroReferences
{
    public static IReadOnlyList<MacroReference> In(string search)
    {
        var found = new List<MacroReference>();
        var start = search.IndexOf('`', StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = search.IndexOf('`', start + 1);
            if (end < 0)
            {
                break;
            }

            var reference = Parse(search[(start + 1)..end]);
            if (reference is not null && !found.Contains(reference))
            {
                found.Add(reference);
            }

            start = search.IndexOf('`', end + 1);
        }

        return found;
    }

    private static MacroReference? Parse(string call)
    {
        call = call.Trim();
        var open = call.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return call.Length > 0 && !call.Contains(' ', StringComparison.Ordinal) ? new MacroReference(call, 0) : null;
        }

        var close = call.LastIndexOf(')');
        if (close < open)
        {
            return null;
        }

        var arguments = call[(open + 1)..close];
        return new MacroReference(call[..open].Trim(), arguments.Trim().Length == 0 ? 0 : CountArguments(arguments));
    }

    /// <summary>Commas outside double quotes separate arguments.</summary>
    private static int CountArguments(string arguments)
    {
        var count = 1;
        var inQuotes = false;
        foreach (var c in arguments)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == ',' && !inQuotes)
            {
                count++;
            }
        }

        return count;
    }
}
