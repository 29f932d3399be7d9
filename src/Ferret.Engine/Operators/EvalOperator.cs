using System.Text.RegularExpressions;
using Ferret.Engine.Execution;
using Ferret.Engine.Planning;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>eval</c>: assignments run left to right, each seeing the fields the previous ones set (Search Reference, "eval
/// command"). A null result removes the field. A name with <c>{field}</c> takes that field's value as the name.
/// </summary>
public sealed partial class EvalOperator(IReadOnlyList<(string Field, Evaluator Value)> assignments) : StreamingOperator("eval")
{
    public override bool Process(Event e, RunContext run)
    {
        foreach (var (field, value) in assignments)
        {
            var name = field.Contains('{', StringComparison.Ordinal) ? ResolveDynamicName(field, e) : field;
            if (name.Length > 0)
            {
                e.Set(name, value(e, run.Runtime).Field);
            }
        }

        return true;
    }

    private static string ResolveDynamicName(string field, Event e) =>
        DynamicName().Replace(field, m => e[m.Groups[1].Value].Text ?? string.Empty);

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex DynamicName();
}
