namespace Ferret.Content.Tests;

public sealed class LookupTests
{
    [Fact]
    public void Csv_lookup_options_are_read_as_transforms_conf_defines_them()
    {
        var lookup = Fixture.Load().Repository.Lookups["attacker_tools"];

        Assert.Equal("attacker_tools.csv", lookup.Filename);
        Assert.Equal(Path.Combine(Fixture.Content, "lookups", "attacker_tools.csv"), lookup.FullPath);
        Assert.True(lookup.IsCsv);
        Assert.False(lookup.CaseSensitiveMatch);
        Assert.Equal([new LookupMatchType("WILDCARD", "attacker_tool_names"), new LookupMatchType("CIDR", "attacker_ip")], lookup.MatchTypes);
        Assert.Equal(1, lookup.MinMatches);
        Assert.Equal(3, lookup.MaxMatches);
        Assert.Equal("false", lookup.DefaultMatch);
    }

    [Fact]
    public void A_lookup_whose_csv_is_missing_is_kept_without_a_path_and_reported()
    {
        var (repository, problems) = Fixture.Load();

        var lookup = repository.Lookups["missing_file"];

        Assert.Null(lookup.FullPath);
        Assert.True(lookup.CaseSensitiveMatch);
        Assert.Contains(problems.Problems, p => p.File.EndsWith("missing_file.yml", StringComparison.Ordinal) && p.Message.Contains("missing_file.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kv_store_lookup_has_its_collection_and_fields()
    {
        var lookup = Fixture.Load().Repository.Lookups["previously_seen_users"];

        Assert.Null(lookup.Filename);
        Assert.Equal("previously_seen_users", lookup.Collection);
        Assert.Equal(["_key", "firstTimeSeen", "lastTimeSeen", "user"], lookup.FieldsList);
    }
}
