namespace Ferret.Knowledge.Loading;

/// <summary>A problem in a knowledge file: which file, where (line:column) and what is wrong. The
/// definition concerned is left out; the rest of the file and of the knowledge base still load.</summary>
public sealed record KnowledgeProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
