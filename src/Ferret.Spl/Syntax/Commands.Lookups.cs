using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Syntax;

/// <summary><c>lookup [local=] [update=] name field [AS f] ... [OUTPUT|OUTPUTNEW field [AS f] ...]</c>.
/// With no output clause every lookup column is written (<see cref="LookupOutputMode.All"/>).</summary>
public sealed record LookupCommandNode(
    IReadOnlyList<CommandOption> Options,
    Word Table,
    IReadOnlyList<FieldAlias> InputFields,
    LookupOutputMode OutputMode,
    IReadOnlyList<FieldAlias> OutputFields,
    TextSpan Span) : CommandNode("lookup", Span);

public enum LookupOutputMode
{
    /// <summary>No OUTPUT clause: all columns but the input ones, overwriting.</summary>
    All,

    /// <summary><c>OUTPUT</c>: listed columns, overwriting existing fields.</summary>
    Output,

    /// <summary><c>OUTPUTNEW</c>: listed columns, only where the field does not exist yet.</summary>
    OutputNew,
}

/// <summary><c>| inputlookup [append=] [start=] [max=] name [where search-terms]</c>.</summary>
public sealed record InputlookupCommandNode(IReadOnlyList<CommandOption> Options, Word Table, SearchExpression? Where, TextSpan Span)
    : CommandNode("inputlookup", Span);

/// <summary><c>outputlookup [append=] [createinapp=] [override_if_empty=] name</c>.</summary>
public sealed record OutputlookupCommandNode(IReadOnlyList<CommandOption> Options, Word Table, TextSpan Span)
    : CommandNode("outputlookup", Span);
