namespace Ferret.Knowledge.Definitions;

/// <summary>
/// What an add-on knows about one kind of input (a props.conf stanza with its transforms, eventtypes and
/// tags): which events it applies to, and the search-time operations it performs on them, in Splunk's
/// order (Splunk Knowledge Manager Manual, "The sequence of search-time operations"): extractions,
/// field aliases, calculated fields, then event types and their tags.
/// </summary>
public sealed record SourceKnowledge(
    string Name,
    string Description,
    string ResourceName,
    IReadOnlyList<SourceMatcher> AppliesTo,
    int Precedence,
    IReadOnlyList<FieldExtraction> Extractions,
    IReadOnlyList<FieldAlias> Aliases,
    IReadOnlyList<CalculatedField> CalculatedFields,
    IReadOnlyList<EventTypeDefinition> EventTypes);

/// <summary>A calculated field (props.conf <c>EVAL-&lt;field&gt; = &lt;expression&gt;</c>).</summary>
public sealed record CalculatedField(string Field, string Expression);

/// <summary>An event type: a search over an event's fields, and the tags an event that matches it gets.</summary>
public sealed record EventTypeDefinition(string Name, string Search, IReadOnlyList<string> Tags);
