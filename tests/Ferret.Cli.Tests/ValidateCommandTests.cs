namespace Ferret.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Theory]
    [InlineData("| stast count", 7, 7, "error SPL3014: Unknown search command 'stast'. Did you mean 'stats'?")]
    [InlineData("| evl x=1", 7, 7, "error SPL3014: Unknown search command 'evl'. Did you mean 'eval'?")]
    [InlineData("| eval x=lenn(y)", 7, 14, "error SPL3002: The 'lenn' function is unsupported or undefined. Did you mean 'len'?")]
    [InlineData("| eval x=if(y, 1)", 7, 14, "error SPL3003: The arguments to the 'if' function are invalid: it takes 3 argument(s), 2 given.")]
    [InlineData("| stats cuont by user", 7, 13, "error SPL3006: Error in 'stats' command: The aggregation specifier 'cuont' is invalid. Did you mean 'count'?")]
    public void An_unknown_command_or_function_fails_validation_at_its_file_line_and_column(string pipe, int line, int column, string message)
    {
        using var content = new ContentFolder($"search: >-\n    EventCode=4688\n    | where user=\"x\"\n    {pipe}\n");

        var result = CliRunner.Run("validate", "--content", content.Root);

        Assert.Equal(1, result.ExitCode);
        var expected = $"{Path.Combine(content.Root, "detections", "bad.yml")}:{line}:{column}: {message}";
        Assert.Contains(expected, result.Stdout.Split('\n'));
    }

    [Fact]
    public void A_command_Ferret_does_not_run_is_reported_as_unsupported_without_failing_validation()
    {
        using var content = new ContentFolder("search: '| makeresults | apply my_model'\n");

        var result = CliRunner.Run("validate", "--content", content.Root);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("unsupported SPL3001: the 'apply' command is not supported by Ferret", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 valid but using what Ferret does not run", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A content folder with one detection whose YAML ends with <paramref name="searchYaml"/> (line 2 on).</summary>
    private sealed class ContentFolder : IDisposable
    {
        public ContentFolder(string searchYaml)
        {
            Root = Path.Combine(Path.GetTempPath(), $"ferret-validate-{Guid.NewGuid():N}");
            Directory.CreateDirectory(Path.Combine(Root, "detections"));
            File.WriteAllText(Path.Combine(Root, "detections", "bad.yml"), "name: Bad Detection\n" + "type: TTP\n" + "id: 1\n" + searchYaml);
        }

        public string Root { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
