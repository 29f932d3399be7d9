using Ferret.Engine.Functions;
using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Planning;

/// <summary>A compiled eval expression: a closure over the event and the run's services.</summary>
public delegate Value Evaluator(Event e, EvalRuntime runtime);

/// <summary>A compiled search predicate.</summary>
public delegate bool Predicate(Event e, EvalRuntime runtime);
