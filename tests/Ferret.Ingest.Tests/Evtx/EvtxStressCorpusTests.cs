using System.Xml;
using Ferret.Events;
using Ferret.Ingest.Evtx;
using Ferret.Testing;

namespace Ferret.Ingest.Tests.Evtx;

/// <summary>The EVTX parser stress files (bad chunks, missing checksums, zero-size records, odd values) and the real corpora.</summary>
public sealed class EvtxStressCorpusTests
{
    /// <summary>Each damaged file and a fragment of the problem it must report (the damage is known from the file's origin).</summary>
    public static TheoryData<string, string> DamagedFiles => new()
    {
        { "sysmon.evtx", "bad chunk signature" },
        { "sample_with_a_bad_chunk_magic.evtx", "bad size" },
        { "sample-with-zero-data-size-event.evtx", "bad size (0)" },
        { "Application_no_crc32.evtx", "file header checksum mismatch" },
        { "security_bad_string_cache.evtx", "chunk header checksum mismatch" },
        { "2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS%4Operational.evtx", "bad size" },
        { "Microsoft-Windows-HelloForBusiness%4Operational.evtx", "bad size" },
    };

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Damage_is_reported_with_its_place_and_the_intact_records_are_read(string name, string expectedProblem)
    {
        var path = Path.Combine(SharedCorpus.Require("data/evtx-parser-samples"), name);
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadRecords(path, problems).ToList();

        Assert.NotEmpty(records);
        var matching = problems.Problems.Where(p => p.Message.Contains(expectedProblem, StringComparison.Ordinal) && p.File == path).ToList();
        Assert.NotEmpty(matching);
        Assert.All(matching, p => Assert.Matches("^(file header|chunk [0-9]+(, (record|offset) [0-9]+)?)$", p.Location));
    }

    [Fact]
    public void Every_stress_file_is_read_without_crashing_and_every_record_is_well_formed_xml()
    {
        var folder = SharedCorpus.Require("data/evtx-parser-samples");
        foreach (var path in Directory.EnumerateFiles(folder, "*.evtx"))
        {
            var problems = new ProblemCollector();
            var records = EvtxFile.ReadRecords(path, problems, parallelism: 2).ToList();

            Assert.True(records.Count > 0, $"{Path.GetFileName(path)}: no records; problems: {string.Join("; ", problems.Problems.Take(3))}");
            foreach (var record in records)
            {
                AssertWellFormed(record);
            }
        }
    }

    [Fact]
    public void The_attack_samples_hold_8255_records_and_read_without_problems()
    {
        var folder = SharedCorpus.Require("data/evtx-attack-samples");
        var problems = new ProblemCollector();
        var files = Directory.EnumerateFiles(folder, "*.evtx", SearchOption.AllDirectories).ToList();

        var count = files.Sum(path => EvtxFile.ReadRecords(path, problems).Count());

        Assert.Equal(277, files.Count);
        Assert.Equal(8255, count);
        Assert.Empty(problems.Problems);
    }

    [Fact]
    public void Records_convert_to_json_with_system_and_event_data()
    {
        var path = Path.Combine(SharedCorpus.Require("data/evtx-parser-samples"), "security.evtx");

        foreach (var record in EvtxFile.ReadRecords(path, new ProblemCollector()).Take(200))
        {
            using var json = System.Text.Json.JsonDocument.Parse(record.ToJson());
            var system = json.RootElement.GetProperty("Event").GetProperty("System");
            Assert.Equal(record.RecordId.ToString(System.Globalization.CultureInfo.InvariantCulture), system.GetProperty("EventRecordID").GetString());
        }
    }

    private static void AssertWellFormed(EvtxRecord record)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(record.Xml), new XmlReaderSettings { CheckCharacters = false });
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            Assert.Fail($"{Path.GetFileName(record.File)} chunk {record.ChunkIndex} record {record.RecordId}: {e.Message}");
        }
    }
}
