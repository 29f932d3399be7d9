using Ferret.Events;

namespace Ferret.Knowledge.Compilation;

/// <summary>
/// Turns the expressions in the knowledge files into code: calculated fields are Splunk <c>eval</c>
/// expressions, event types and dataset constraints are Splunk search terms. The knowledge base does not
/// interpret SPL itself; the engine does (<see cref="EngineKnowledgeCompiler"/>).
/// </summary>
public interface IKnowledgeCompiler
{
    /// <summary>Compiles an eval expression; null with <paramref name="errors"/> when it cannot.</summary>
    Func<Event, FieldValue>? CompileEval(string expression, out IReadOnlyList<string> errors);

    /// <summary>Compiles search terms (as after <c>search</c>); null with <paramref name="errors"/> when it cannot.</summary>
    Func<Event, bool>? CompileSearch(string searchTerms, out IReadOnlyList<string> errors);
}
