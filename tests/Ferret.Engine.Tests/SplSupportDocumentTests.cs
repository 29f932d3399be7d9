using Ferret.Testing;

namespace Ferret.Engine.Tests;

/// <summary>docs/spl-support.md is generated: this test compares it with what the tables and the engine say, and
/// rewrites it when FERRET_UPDATE_DOCS=1.</summary>
public sealed class SplSupportDocumentTests
{
    [Fact]
    public void Spl_support_document_matches_the_tables_and_the_engine()
    {
        var path = Path.Combine(SharedCorpus.RepositoryRoot, "docs", "spl-support.md");
        var expected = EngineSupport.RenderDocument();
        if (Environment.GetEnvironmentVariable("FERRET_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run FERRET_UPDATE_DOCS=1 dotnet test tests/Ferret.Engine.Tests");
        Assert.True(expected == File.ReadAllText(path), $"{path} is out of date: run FERRET_UPDATE_DOCS=1 dotnet test tests/Ferret.Engine.Tests --filter SplSupportDocumentTests");
    }

    [Fact]
    public void Spl_support_document_names_every_eval_function_the_engine_runs()
    {
        var document = EngineSupport.RenderDocument();
        foreach (var function in Functions.FunctionLibrary.All)
        {
            Assert.Contains($"| `{function.Name}` |", document, StringComparison.Ordinal);
        }
    }
}
