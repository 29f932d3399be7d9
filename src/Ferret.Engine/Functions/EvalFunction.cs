using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

/// <summary>An eval function over already evaluated arguments.</summary>
public delegate Value EvalFunction(ReadOnlySpan<Value> args, EvalRuntime runtime);

/// <summary>One entry of the function library: the function's declaration and its implementation.</summary>
public sealed record FunctionSpec(Spl.Tables.FunctionInfo Declaration, EvalFunction Invoke)
{
    public string Name => Declaration.Name;

    public bool Accepts(int count) => Declaration.AcceptsArgumentCount(count);
}
