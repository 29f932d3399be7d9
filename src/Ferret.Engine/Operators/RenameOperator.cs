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
            if (!from.HasWildcard && !e.Has(from.Pattern))
            {
                // Search Reference, "rename command": renaming a field that does not exist onto one that does
                // removes the existing field (the new name takes the missing value).
                e.Remove(to);
                continue;
            }

            var fields = e.Fields.ToList();
            var renamed = new List<(string Name, FieldValue Value)>(fields.Count);
            var targets = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, value) in fields)
            {
                var target = from.Captures(name) is { } captures ? FieldNamePattern.Substitute(to, captures) : null;
                renamed.Add((target ?? name, value));
                if (target is not null)
                {
                    targets.Add(target);
                }
            }

            // A renamed field replaces a field that already had the new name; the others keep their place.
            renamed = renamed.Where((f, i) => !targets.Contains(f.Name) || from.Captures(fields[i].Key) is not null).ToList();
            for (var i = fields.Count - 1; i >= 0; i--)
            {
                e.Remove(fields[i].Key);
            }

            foreach (var (name, value) in renamed)
            {
                e.Set(name, value);
            }
        }

        return true;
    }
}
