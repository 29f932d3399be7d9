using Ferret.Conformance.Running;

namespace Ferret.Conformance;

/// <summary>Every case of every <c>.spltest</c> file, one test each (README.md).</summary>
public sealed class ConformanceTests
{
    /// <summary>A case that runs longer than this is reported as failed, so one runaway query cannot stall the suite.</summary>
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    public static IEnumerable<TheoryDataRow<string>> Cases =>
        SpecCatalog.Cases.Select(c => new TheoryDataRow<string>(c.Id) { TestDisplayName = c.Id });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Spec_case_returns_what_Splunk_returns(string id)
    {
        var specCase = SpecCatalog.Find(id);
        if (specCase.ExcludeReason is { } reason)
        {
            Assert.Skip($"excluded: {reason}");
        }

        string? failure;
        try
        {
            failure = await Task.Run(() => CaseRunner.Run(specCase), TestContext.Current.CancellationToken)
                .WaitAsync(CaseTimeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            failure = $"{specCase.File}:{specCase.Line}: case '{specCase.Name}' did not finish within {CaseTimeout.TotalSeconds:0} s\nquery:\n  {specCase.Query}";
        }

        if (failure is not null)
        {
            Assert.Fail(failure);
        }
    }
}
