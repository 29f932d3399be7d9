using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>rename a AS b</c>, with wildcards (<c>Processes.* AS *</c>): the wildcard parts carry over (Search Reference,
/// "rename command"). A renamed field replaces any field that already has the new name.
/// </summary>
public sealed class RenameOperator(IReadOnlyList<(FieldNamePattern From, string To)> renames) : StreamingOperator("rename")
{
    public override bool Process(Event e, RunContext run)
    {
        foreach (var (from, to) in renames)
        {
            if (!from.HasWildcard)
            {
                if (e.Has(from.Pattern))
                {
                    var value = e[from.Pattern];
                    e.Remove(from.Pattern);
                    e.Set(to, value);
                }

                continue;
            }

            var moves = new List<(string Old, string New, FieldValue Value)>();
            foreach (var (name, value) in e.Fields)
            {
                if (from.Captures(name) is { } captures)
                {
                    moves.Add((name, FieldNamePattern.Substitute(to, captures), value));
                }
            }

            foreach (var move in moves)
            {
                e.Remove(move.Old);
            }

            foreach (var move in moves)
            {
                e.Set(move.New, move.Value);
            }
        }

        return true;
    }
}
