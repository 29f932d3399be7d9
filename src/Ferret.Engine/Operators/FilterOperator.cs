using Ferret.Engine.Execution;
using Ferret.Engine.Functions;
using Ferret.Engine.Planning;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary><c>search</c> and <c>regex</c>: keeps the events a predicate accepts.</summary>
public sealed class FilterOperator(string name, Predicate predicate) : StreamingOperator(name)
{
    public override bool MutatesEvents => false;

    public override bool OnlyFilters => true;

    public override bool Process(Event e, RunContext run) => predicate(e, run.Runtime);
}

/// <summary><c>where</c>: keeps the events whose eval expression is true (Search Reference, "where command").</summary>
public sealed class WhereOperator(Evaluator condition) : StreamingOperator("where")
{
    public override bool MutatesEvents => false;

    public override bool OnlyFilters => true;

    public override bool Process(Event e, RunContext run) => FunctionLibrary.IsTrue(condition(e, run.Runtime));
}
