using System.Buffers;
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
                if (!e.Has(from.Pattern))
                {
                    // Search Reference, "rename command": renaming a field that does not exist onto one that does
                    // removes the existing field (the new name takes the missing value).
                    e.Remove(to);
                    continue;
                }

                if (string.Equals(from.Pattern, to, StringComparison.Ordinal))
                {
                    continue;
                }

                if (TryRenameInPlace(e, from.Pattern, FieldNamePattern.Substitute(to, [])))
                {
                    continue;
                }
            }

            Rename(e, from, to);
        }

        return true;
    }

    /// <summary>Renames the one field <paramref name="from"/> to a name no field has yet, without walking the event: the
    /// field freed by the removal is the slot the new name takes, so the order is the one <see cref="Rename"/> gives.
    /// False (nothing done) when a field already has the new name, which <see cref="Rename"/> replaces.</summary>
    private static bool TryRenameInPlace(Event e, string from, string target)
    {
        if (e.Has(target))
        {
            return false;
        }

        var value = e[from];
        e.Remove(from);
        e.Set(target, value);
        return true;
    }

    /// <summary>Renames every field <paramref name="from"/> matches; the fields keep their order, and a renamed field
    /// replaces a field that already had the new name.</summary>
    private static void Rename(Event e, FieldNamePattern from, string to)
    {
        if (!MatchesAny(e, from))
        {
            return;
        }

        var count = e.FieldCount;
        var names = ArrayPool<string>.Shared.Rent(count);
        var values = ArrayPool<FieldValue>.Shared.Rent(count);
        var targets = ArrayPool<string?>.Shared.Rent(count);
        try
        {
            var i = 0;
            string? onlyTarget = null;
            HashSet<string>? replaced = null;
            foreach (var (name, value) in e.Fields)
            {
                names[i] = name;
                values[i] = value;
                targets[i] = from.Rename(name, to);
                if (targets[i] is { } target && !string.Equals(target, onlyTarget, StringComparison.Ordinal))
                {
                    // The names renamed onto: usually one, compared without a set.
                    if (onlyTarget is null)
                    {
                        onlyTarget = target;
                    }
                    else
                    {
                        if (replaced is null)
                        {
                            replaced = t_replaced ??= new HashSet<string>(StringComparer.Ordinal);
                            replaced.Add(onlyTarget);
                        }

                        replaced.Add(target);
                    }
                }

                i++;
            }

            // Removing every field and setting them again in order keeps their order (a dictionary refills freed slots).
            for (i = count - 1; i >= 0; i--)
            {
                e.Remove(names[i]);
            }

            for (i = 0; i < count; i++)
            {
                if (targets[i] is { } target)
                {
                    e.Set(target, values[i]);
                }
                else if (replaced is not null ? !replaced.Contains(names[i]) : !string.Equals(names[i], onlyTarget, StringComparison.Ordinal))
                {
                    e.Set(names[i], values[i]);
                }
            }
        }
        finally
        {
            t_replaced?.Clear();
            ArrayPool<string>.Shared.Return(names, clearArray: true);
            ArrayPool<FieldValue>.Shared.Return(values, clearArray: true);
            ArrayPool<string?>.Shared.Return(targets, clearArray: true);
        }
    }

    /// <summary>The names a rename of several fields (<c>Processes.* AS *</c>) renames onto, reused by every event this
    /// thread renames: a new set per event was most of what a rename allocated.</summary>
    [ThreadStatic]
    private static HashSet<string>? t_replaced;

    private static bool MatchesAny(Event e, FieldNamePattern from)
    {
        foreach (var (name, _) in e.Fields)
        {
            if (from.IsMatch(name))
            {
                return true;
            }
        }

        return false;
    }
}
