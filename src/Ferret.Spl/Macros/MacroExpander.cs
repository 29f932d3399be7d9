using System.Text;
using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Macros;

/// <summary>
/// Expands search macros (Splunk Knowledge Manager manual, "Use search macros in searches"): <c>`name`</c> and
/// <c>`name(a, b)`</c> with positional or named (<c>`name(x=1, y=2)`</c>) arguments, each <c>$arg$</c> of the
/// definition replaced by the value as written, nested calls expanded in turn. Backticks inside double-quoted strings
/// and <c>```comments```</c> are left alone. A cycle, an unknown macro or a wrong arity is a diagnostic naming the macro.
/// </summary>
public static partial class MacroExpander
{
    /// <summary>Nesting deeper than this is reported (a definition that grows without a direct cycle).</summary>
    public const int MaxDepth = 40;

    /// <summary>Expanded text longer than this is reported rather than built.</summary>
    public const int MaxExpandedLength = 4_000_000;

    public static MacroExpansion Expand(string search, MacroTable macros)
    {
        search ??= "";
        var state = new ExpansionState(search, macros);
        var builder = new StringBuilder(search.Length + 64);
        var segments = new List<ExpansionSegment>();
        var verbatimStart = 0;
        var i = 0;
        while (i < search.Length)
        {
            if (TrySkipProtected(search, i) is { } skipped)
            {
                if (IsMapSearchString(search, i, skipped))
                {
                    AppendVerbatim(builder, segments, search, verbatimStart, i);
                    ExpandMapSearchString(state, search, i, skipped, builder, segments);
                    verbatimStart = skipped;
                }

                i = skipped;
                continue;
            }

            if (search[i] != '`')
            {
                i++;
                continue;
            }

            var close = search.IndexOf('`', i + 1);
            if (close < 0)
            {
                state.Diagnostics.Add(DiagnosticFacts.UnterminatedMacro(new TextSpan(i, 1)));
                break;
            }

            AppendVerbatim(builder, segments, search, verbatimStart, i);
            var callSpan = TextSpan.FromBounds(i, close + 1);
            var expanded = ExpandCall(state, search[(i + 1)..close], callSpan, [], 0) ?? Placeholder(builder);
            segments.Add(new ExpansionSegment(builder.Length, expanded.Length, callSpan.Start, callSpan.Length, IsVerbatim: false));
            builder.Append(expanded);
            i = close + 1;
            verbatimStart = i;
        }

        AppendVerbatim(builder, segments, search, verbatimStart, search.Length);
        return new MacroExpansion(search, builder.ToString(), state.Diagnostics, segments, state.UsedMacros);
    }

    /// <summary>What a call that could not be expanded becomes (its diagnostic is already reported): <c>search *</c> where a
    /// command is expected (after a pipe), else nothing, so the rest of the search parses without follow-on errors.</summary>
    private static string Placeholder(StringBuilder expandedSoFar)
    {
        for (var i = expandedSoFar.Length - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(expandedSoFar[i]))
            {
                return expandedSoFar[i] == '|' ? "search *" : "";
            }
        }

        return "";
    }

    private static void AppendVerbatim(StringBuilder builder, List<ExpansionSegment> segments, string search, int from, int to)
    {
        if (to <= from)
        {
            return;
        }

        segments.Add(new ExpansionSegment(builder.Length, to - from, from, to - from, IsVerbatim: true));
        builder.Append(search, from, to - from);
    }

    /// <summary>If a quoted string, a <c>```comment```</c> or an escaped character starts at <paramref name="at"/>, the offset after it.</summary>
    private static int? TrySkipProtected(string text, int at)
    {
        if (text[at] == '\\' && at + 1 < text.Length)
        {
            // An escaped character outside quotes (*\"privileged\":true*) opens no string.
            return at + 2;
        }

        if (text[at] == '"')
        {
            var i = at + 1;
            while (i < text.Length && text[i] != '"')
            {
                i += text[i] == '\\' && i + 1 < text.Length ? 2 : 1;
            }

            return Math.Min(text.Length, i + 1);
        }

        if (string.CompareOrdinal(text, at, "```", 0, 3) == 0)
        {
            var close = text.IndexOf("```", at + 3, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 3;
        }

        return null;
    }

    private sealed class ExpansionState(string original, MacroTable macros)
    {
        public string Original { get; } = original;

        public MacroTable Macros { get; } = macros;

        public List<Diagnostic> Diagnostics { get; } = [];

        public List<string> UsedMacros { get; } = [];
    }
}
