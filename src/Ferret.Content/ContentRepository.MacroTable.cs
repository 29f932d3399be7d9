using Ferret.Spl.Macros;

namespace Ferret.Content;

public sealed partial class ContentRepository
{
    /// <summary>
    /// The macros as the SPL front end uses them: the CIM app's built-ins (<see cref="MacroTable.WithBuiltIns"/>),
    /// the content's definitions over them, then Ferret's environment defaults and local overrides over
    /// everything. A new table on each read, because a <see cref="MacroTable"/> can be changed.
    /// </summary>
    public MacroTable Macros
    {
        get
        {
            var table = MacroTable.WithBuiltIns();
            foreach (var macro in MacroDefinitions)
            {
                var definition = new MacroDefinition(macro.Name, macro.Arguments, macro.Definition);
                if (macro.Origin == MacroOrigin.Content)
                {
                    table.Add(definition);
                }
                else
                {
                    table.Override(definition);
                }
            }

            return table;
        }
    }
}
