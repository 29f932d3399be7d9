using System.Collections;
using System.Reflection;
using Ferret.Spl.Syntax;

namespace Ferret.Detection.Hunting;

/// <summary>
/// Whether a parsed search holds a subsearch (<c>[ ... ]</c>) anywhere: in a search term, a command argument, a join
/// or an append. A subsearch reads the run's events again, so such a search cannot be fed one event at a time
/// (<see cref="DetectionFeed"/>). Walks the syntax tree's nodes and their lists generically, so a command node added
/// later is covered without a change here.
/// </summary>
internal static class SubsearchFinder
{
    public static bool Contains(SyntaxNode node) => Visit(node, depth: 0);

    private static bool Visit(object? value, int depth)
    {
        switch (value)
        {
            case null or string:
                return false;
            case Subsearch or SearchSubsearch:
                return true;
            case SyntaxNode node:
                // Trees are shallow; a runaway depth means something unexpected, which is answered safely.
                return depth > 200 || PropertiesOf(node.GetType()).Any(p => Visit(p.GetValue(node), depth + 1));
            case IEnumerable items:
                foreach (var item in items)
                {
                    if (Visit(item, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static IEnumerable<PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetIndexParameters().Length == 0 && p.PropertyType != typeof(string) && !p.PropertyType.IsValueType);
}
