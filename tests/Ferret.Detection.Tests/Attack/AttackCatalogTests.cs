using Ferret.Detection.Notables;

namespace Ferret.Detection.Tests.Attack;

public sealed class AttackCatalogTests
{
    [Theory]
    [InlineData("T1003.001", "LSASS Memory", "Credential Access")]
    [InlineData("T1053.005", "Scheduled Task", "Execution,Persistence,Privilege Escalation")]
    [InlineData("T1566", "Phishing", "Initial Access")]
    [InlineData("T1595.002", "Vulnerability Scanning", "Reconnaissance")]
    [InlineData("t1059.001", "PowerShell", "Execution")]
    public void Techniques_and_sub_techniques_have_their_name_and_tactics_in_matrix_order(string id, string name, string tactics)
    {
        var technique = AttackCatalog.Find(id);

        Assert.NotNull(technique);
        Assert.Equal(name, technique.Name);
        Assert.Equal(tactics.Split(','), technique.Tactics);
    }

    [Fact]
    public void Revoked_techniques_that_older_content_names_keep_their_tactics()
    {
        Assert.Equal(["Persistence"], AttackCatalog.Find("T1067")!.Tactics);
    }

    [Fact]
    public void The_whole_enterprise_catalog_is_embedded()
    {
        Assert.True(AttackCatalog.Count > 800, $"only {AttackCatalog.Count} techniques");
    }

    [Fact]
    public void An_unknown_sub_technique_takes_its_parents_tactics_and_an_unknown_id_gets_none()
    {
        Assert.Equal(["Credential Access"], AttackCatalog.Find("T1003.999")!.Tactics);
        Assert.Null(AttackCatalog.Find("T9999"));
    }

    [Fact]
    public void Every_tactic_in_the_catalog_is_one_of_the_matrix_columns()
    {
        var techniques = File.ReadLines(Path.Combine(Ferret.Testing.SharedCorpus.RepositoryRoot, "src", "Ferret.Detection", "Attack", "attack-techniques.tsv"))
            .Where(l => !l.StartsWith('#'))
            .SelectMany(l => l.Split('\t')[2].Split(',', StringSplitOptions.RemoveEmptyEntries));

        Assert.All(techniques, tactic => Assert.Contains(tactic, AttackCatalog.TacticOrder));
    }
}
