using Ferret.Publishing;

namespace Ferret.Publishing.Tests;

public sealed class PythonJsonTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote \" and \\", "\"quote \\\" and \\\\\"")]
    [InlineData("<a & 'b'>", "\"\\u003ca \\u0026 \\u0027b\\u0027\\u003e\"")]
    [InlineData("café", "\"caf\\u00e9\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    public void Strings_are_escaped_as_jinja_tojson_does(string value, string expected)
    {
        Assert.Equal(expected, PythonJson.Serialize(value));
    }

    [Fact]
    public void Objects_have_sorted_keys_and_python_separators()
    {
        List<string> letters = ["a", "b"];
        KeyValuePair<string, object>[] value = [new("zeta", 1), new("alpha", letters), new("mid", new List<KeyValuePair<string, object>>())];

        Assert.Equal("{\"alpha\": [\"a\", \"b\"], \"mid\": {}, \"zeta\": 1}", PythonJson.Serialize(value));
    }
}
