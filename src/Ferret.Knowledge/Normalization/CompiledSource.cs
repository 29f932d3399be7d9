using Ferret.Events;
using Ferret.Knowledge.Definitions;

namespace Ferret.Knowledge.Normalization;

/// <summary>A <see cref="SourceKnowledge"/> with its expressions compiled once, shared by every event it applies to.</summary>
internal sealed record CompiledSource(
    SourceKnowledge Definition,
    IReadOnlyList<CompiledCalculatedField> CalculatedFields,
    IReadOnlyList<CompiledEventType> EventTypes);

internal sealed record CompiledCalculatedField(string Field, Func<Event, FieldValue> Evaluate);

internal sealed record CompiledEventType(EventTypeDefinition Definition, Func<Event, bool> Matches);
