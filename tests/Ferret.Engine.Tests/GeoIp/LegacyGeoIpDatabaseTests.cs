using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Ferret.Engine.GeoIp;

namespace Ferret.Engine.Tests.GeoIp;

/// <summary>
/// The legacy .dat reader against the reference implementation on this machine: geoiplookup/geoiplookup6 (Debian
/// package geoip-bin) over /usr/share/GeoIP/GeoIP.dat and GeoIPv6.dat (package geoip-database). Skipped, saying
/// which is missing, where they are not installed.
/// </summary>
public sealed class LegacyGeoIpDatabaseTests
{
    private const string V4File = "/usr/share/GeoIP/GeoIP.dat";
    private const string V6File = "/usr/share/GeoIP/GeoIPv6.dat";

    [Fact]
    public void IPv4_countries_agree_with_geoiplookup()
    {
        var database = Require(V4File, "geoiplookup");
        var random = new Random(20240501);
        var addresses = new List<string> { "1.0.0.1", "8.8.8.8", "81.2.69.160", "223.255.255.254", "2.16.0.1", "41.0.0.1", "200.1.1.1" };
        while (addresses.Count < 250)
        {
            addresses.Add(string.Join('.', random.Next(1, 224), random.Next(256), random.Next(256), random.Next(256)));
        }

        Compare(database, addresses, "geoiplookup", V4File, expectedMinimumLocated: 100);
    }

    [Fact]
    public void IPv6_countries_agree_with_geoiplookup6()
    {
        var database = Require(V6File, "geoiplookup6");
        var random = new Random(20240502);
        var addresses = new List<string> { "2001:4860:4860::8888", "2a00:1450:4001::1", "2400:cb00::1", "2c0f:f000::1", "::8.8.8.8" };
        while (addresses.Count < 150)
        {
            var prefix = new[] { 0x2001, 0x2400, 0x2600, 0x2a00, 0x2a02, 0x2c0f }[random.Next(6)];
            addresses.Add($"{prefix:x}:{random.Next(0x10000):x}:{random.Next(0x10000):x}::{random.Next(0x10000):x}");
        }

        Compare(database, addresses, "geoiplookup6", V6File, expectedMinimumLocated: 15);
    }

    [Fact]
    public void The_IPv4_file_is_paired_with_its_IPv6_sibling_and_knows_only_countries()
    {
        var database = Require(V4File, null);
        Assert.Contains("GeoIPv6.dat", database.Path, StringComparison.Ordinal);
        var google = database.Lookup("8.8.8.8");
        Assert.NotNull(google);
        Assert.Equal(("United States", "US", "North America", null, null, null), (google.Country, google.CountryCode, google.Continent, google.City, google.Region, google.Latitude));
        Assert.Equal("United States", database.Lookup("2001:4860:4860::8888")?.Country);
        Assert.Null(database.Lookup("192.168.1.1"));
        Assert.Equal(["en"], database.Languages);
    }

    [Fact]
    public void A_truncated_legacy_file_is_refused_when_opened_naming_the_file()
    {
        // Node 0's left record leads to node 9, past the end of a one-node file.
        var path = MaxMindDatabaseTests.TempFile([.. Node(9), .. Node(16776960 + 56)], "GeoIP.dat");
        var error = Assert.Throws<GeoIpDatabaseException>(() => GeoIpDatabase.Open(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("beyond the end of the file", error.Message, StringComparison.Ordinal);
        if (File.Exists(V4File))
        {
            var cut = MaxMindDatabaseTests.TempFile(File.ReadAllBytes(V4File)[..60000], "GeoIP.dat");
            Assert.Contains(cut, Assert.Throws<GeoIpDatabaseException>(() => GeoIpDatabase.Open(cut)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_legacy_database_of_another_edition_is_refused()
    {
        var bytes = SyntheticTree().Concat(new byte[] { 0xFF, 0xFF, 0xFF, 2 }).ToArray();
        var path = MaxMindDatabaseTests.TempFile(bytes, "GeoIPCity.dat");
        var error = Assert.Throws<GeoIpDatabaseException>(() => GeoIpDatabase.Open(path));
        Assert.Contains("type 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synthetic_tree_maps_each_half_of_the_address_space_to_its_country()
    {
        var path = MaxMindDatabaseTests.TempFile(SyntheticTree(), "GeoIP.dat");
        var database = GeoIpDatabase.Open(path);
        Assert.Equal("France", database.Lookup("1.2.3.4")?.Country);
        Assert.Equal("Germany", database.Lookup("200.1.1.1")?.Country);
    }

    /// <summary>One node: the left half (0.0.0.0/1) is France (index 74), the right half Germany (index 56).</summary>
    private static byte[] SyntheticTree() => [.. Node(16776960 + 74), .. Node(16776960 + 56)];

    private static byte[] Node(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];

    private static void Compare(GeoIpDatabase database, List<string> addresses, string tool, string file, int expectedMinimumLocated)
    {
        var located = 0;
        var mismatches = new List<string>();
        foreach (var address in addresses)
        {
            var ours = database.Lookup(address);
            if (IpAddressText.IsInternal(IPAddress.Parse(address)))
            {
                Assert.Null(ours);
                continue;
            }

            var theirs = Reference(tool, file, address);
            located += ours is null ? 0 : 1;
            var oursText = ours is null ? "not found" : $"{ours.CountryCode}, {Fold(ours.Country!)}";
            if (oursText != theirs)
            {
                mismatches.Add($"{address}: ours '{oursText}', {tool} '{theirs}'");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.True(located >= expectedMinimumLocated, $"only {located} of {addresses.Count} addresses were located");
    }

    /// <summary>"US, United States" or "not found" from one run of the tool (it prints the Latin-1 name table).</summary>
    private static string Reference(string tool, string file, string address)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.Latin1, UseShellExecute = false };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(address);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        var colon = output.IndexOf(": ", StringComparison.Ordinal);
        var answer = colon < 0 ? output : output[(colon + 2)..];
        return answer.Contains("not found", StringComparison.Ordinal) ? "not found" : Fold(answer);
    }

    /// <summary>Drops accents: the reference prints "Curacao" where the UTF-8 table says "Curaçao".</summary>
    private static string Fold(string text) =>
        new([.. text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);

    private static GeoIpDatabase Require(string file, string? tool)
    {
        if (!File.Exists(file))
        {
            Assert.Skip($"{file} not found: install the Debian package geoip-database to compare the legacy reader");
        }

        if (tool is not null && !ToolExists(tool))
        {
            Assert.Skip($"{tool} not found: install the Debian package geoip-bin to compare the legacy reader with it");
        }

        return GeoIpDatabase.Open(file);
    }

    private static bool ToolExists(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, tool)));
}
