namespace Ferret.Spl.Syntax;

public static class CommandOptionExtensions
{
    /// <summary>The last option named <paramref name="name"/> (case-insensitive, as Splunk reads option names), or null.</summary>
    public static CommandOption? Find(this IReadOnlyList<CommandOption> options, string name)
    {
        for (var i = options.Count - 1; i >= 0; i--)
        {
            if (string.Equals(options[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return options[i];
            }
        }

        return null;
    }
}
