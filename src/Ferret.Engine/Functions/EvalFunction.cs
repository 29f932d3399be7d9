using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

/// <summary>An eval function over already evaluated arguments.</summary>
public delegate Value EvalFunction(Value[] args, EvalRuntime runtime);

/// <summary>One entry of the function library: name, arity (<c>MaxArgs</c> -1 = any), category for docs, implementation.</summary>
public sealed record FunctionSpec(string Name, int MinArgs, int MaxArgs, string Category, EvalFunction Invoke)
{
    public bool Accepts(int count) => count >= MinArgs && (MaxArgs < 0 || count <= MaxArgs);
}
