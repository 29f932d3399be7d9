using System.Text;
using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Macros;

public static partial class MacroExpander
{
    /// <summary>Expands one call (the text between backticks); null after reporting a problem. Diagnostics always carry
    /// <paramref name="callSpan"/>, the top-level call in the original text, and name the macro at fault.</summary>
    private static string? ExpandCall(ExpansionState state, string callText, TextSpan callSpan, List<string> stack, int depth)
    {
        if (!TryParseCall(callText, out var name, out var arguments))
        {
            state.Diagnostics.Add(DiagnosticFacts.MalformedMacroCall(callSpan, callText));
            return null;
        }

        var macro = state.Macros.Find(name, arguments.Count);
        if (macro is null)
        {
            var arities = state.Macros.AritiesOf(name);
            state.Diagnostics.Add(arities.Count > 0
                ? DiagnosticFacts.MacroArity(callSpan, name, arguments.Count, arities)
                : DiagnosticFacts.UnknownMacro(callSpan, name, arguments.Count));
            return null;
        }

        var key = macro.Key;
        if (stack.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            state.Diagnostics.Add(DiagnosticFacts.MacroCycle(callSpan, [.. stack, key]));
            return null;
        }

        if (depth >= MaxDepth)
        {
            state.Diagnostics.Add(DiagnosticFacts.MacroExpansionTooLarge(callSpan, name));
            return null;
        }

        if (!state.UsedMacros.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            state.UsedMacros.Add(key);
        }

        var body = Substitute(state, macro, arguments, callSpan);
        if (body is null)
        {
            return null;
        }

        stack.Add(key);
        var expanded = ExpandNested(state, body, callSpan, stack, depth + 1);
        stack.RemoveAt(stack.Count - 1);
        return expanded;
    }

    /// <summary>Expands the calls inside a macro's (substituted) definition.</summary>
    private static string? ExpandNested(ExpansionState state, string text, TextSpan callSpan, List<string> stack, int depth)
    {
        if (!text.Contains('`', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 32);
        var i = 0;
        while (i < text.Length)
        {
            if (TrySkipProtected(text, i) is { } skipped)
            {
                builder.Append(text, i, skipped - i);
                i = skipped;
                continue;
            }

            if (text[i] != '`')
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            var close = text.IndexOf('`', i + 1);
            if (close < 0)
            {
                state.Diagnostics.Add(DiagnosticFacts.UnterminatedMacro(callSpan));
                return null;
            }

            var inner = ExpandCall(state, text[(i + 1)..close], callSpan, stack, depth);
            if (inner is null)
            {
                return null;
            }

            builder.Append(inner);
            if (builder.Length > MaxExpandedLength)
            {
                state.Diagnostics.Add(DiagnosticFacts.MacroExpansionTooLarge(callSpan, stack.Count > 0 ? stack[^1] : "?"));
                return null;
            }

            i = close + 1;
        }

        return builder.ToString();
    }

    /// <summary>Replaces each <c>$argument$</c> with the value passed. The call passes by name when every argument is
    /// <c>identifier=value</c> and at least one identifier is an argument of the macro; otherwise by position.</summary>
    private static string? Substitute(ExpansionState state, MacroDefinition macro, List<string> arguments, TextSpan callSpan)
    {
        if (macro.Arity == 0)
        {
            return macro.Definition;
        }

        var named = arguments.Select(SplitNamed).ToList();
        var byName = named.All(n => n.Name is not null)
            && named.Any(n => macro.Arguments.Contains(n.Name!, StringComparer.Ordinal));
        var values = new string[macro.Arity];
        for (var i = 0; i < arguments.Count; i++)
        {
            if (!byName)
            {
                values[i] = arguments[i];
                continue;
            }

            var index = IndexOf(macro.Arguments, named[i].Name!);
            if (index < 0)
            {
                state.Diagnostics.Add(DiagnosticFacts.UnknownMacroArgument(callSpan, macro.Key, named[i].Name!));
                return null;
            }

            values[index] = named[i].Value;
        }

        var builder = new StringBuilder(macro.Definition);
        for (var i = 0; i < macro.Arity; i++)
        {
            builder.Replace("$" + macro.Arguments[i] + "$", values[i] ?? "");
        }

        return builder.ToString();
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static (string? Name, string Value) SplitNamed(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return (null, argument);
        }

        var name = argument[..equals].Trim();
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? (name, argument[(equals + 1)..].Trim())
            : (null, argument);
    }

    /// <summary>Reads <c>name</c> or <c>name(arg, arg)</c>; arguments are split at top-level commas (outside quotes and
    /// parentheses) and trimmed.</summary>
    private static bool TryParseCall(string callText, out string name, out List<string> arguments)
    {
        arguments = [];
        var trimmed = callText.Trim();
        var open = trimmed.IndexOf('(', StringComparison.Ordinal);
        name = (open < 0 ? trimmed : trimmed[..open]).Trim();
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':'))
        {
            return false;
        }

        if (open < 0)
        {
            return true;
        }

        if (!trimmed.EndsWith(')'))
        {
            return false;
        }

        var inner = trimmed[(open + 1)..^1];
        if (inner.Trim().Length == 0)
        {
            return true;
        }

        var depth = 0;
        var inQuotes = false;
        var start = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(inner[start..i].Trim());
                start = i + 1;
            }
        }

        arguments.Add(inner[start..].Trim());
        return true;
    }
}
