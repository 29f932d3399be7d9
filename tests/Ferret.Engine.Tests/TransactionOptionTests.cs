using Ferret.Spl.Diagnostics;

namespace Ferret.Engine.Tests;

/// <summary>transaction's options Ferret does not honour are named in a warning, never ignored in silence.</summary>
public sealed class TransactionOptionTests
{
    [Theory]
    [InlineData("* | transaction user host connected=false", "connected")]
    [InlineData("* | transaction user delim=\",\"", "delim")]
    [InlineData("* | transaction user connected=false", null)]
    [InlineData("* | transaction user host connected=true", null)]
    [InlineData("* | transaction user mvlist=true keepevicted=true", null)]
    [InlineData("* | transaction user mvlist=\"action,file\"", null)]
    public void An_option_that_is_not_honoured_is_warned_about_and_the_others_are_not(string spl, string? unhonoured)
    {
        var warnings = SearchEngine.Compile(spl).Diagnostics.Where(d => d.Code == DiagnosticFacts.OptionNotSupportedCode).ToList();

        if (unhonoured is null)
        {
            Assert.Empty(warnings);
        }
        else
        {
            Assert.Contains($"option '{unhonoured}' is not supported", Assert.Single(warnings).Message, StringComparison.Ordinal);
        }
    }
}
