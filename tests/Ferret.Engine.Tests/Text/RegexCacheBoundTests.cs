using System.Text.RegularExpressions;
using Ferret.Engine.Text;

namespace Ferret.Engine.Tests.Text;

/// <summary>Runs alone: it fills the process-wide regex cache past its capacity, which would drop other tests' patterns
/// while they count uses.</summary>
[CollectionDefinition(nameof(RegexCacheBoundTests), DisableParallelization = true)]
public sealed class RegexCacheAloneCollection;

/// <summary><see cref="RegexCache"/> is bounded: a server that meets new ad-hoc patterns for months keeps at most
/// <see cref="RegexCache.Capacity"/> of them, and a regex handed out before its pattern was dropped still works.</summary>
[Collection(nameof(RegexCacheBoundTests))]
public sealed class RegexCacheBoundTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Fact]
    public void More_ad_hoc_patterns_than_the_capacity_keep_the_cache_within_it()
    {
        Assert.True(RegexCache.TryGet("^held-before(?#bound)$", RegexOptions.None, Timeout, out var held, out _));

        for (var i = 0; i < RegexCache.Capacity + 500; i++)
        {
            Assert.True(RegexCache.TryGet($"^ad-hoc-{i}$", RegexOptions.None, Timeout, out var regex, out var error), error);
            Assert.Matches(regex, $"ad-hoc-{i}");
        }

        var (translated, built) = RegexCache.Count;
        Assert.InRange(translated, 1, RegexCache.Capacity);
        Assert.InRange(built, 1, RegexCache.Capacity);
        Assert.Matches(held, "held-before");
        Assert.True(RegexCache.TryGet("^ad-hoc-0$", RegexOptions.None, Timeout, out var again, out _));
        Assert.Matches(again, "ad-hoc-0");
        Assert.DoesNotMatch(again, "ad-hoc-1");
    }

    [Fact]
    public void A_pattern_that_cannot_be_translated_is_refused_again_after_the_cache_turned_over()
    {
        for (var i = 0; i < RegexCache.Capacity + 10; i++)
        {
            Assert.False(RegexCache.TryGet($"(unclosed-{i}", RegexOptions.None, Timeout, out _, out var error));
            Assert.NotEmpty(error);
        }

        Assert.False(RegexCache.TryGet("(unclosed-0", RegexOptions.None, Timeout, out _, out var again));
        Assert.NotEmpty(again);
        Assert.InRange(RegexCache.Count.Translated, 1, RegexCache.Capacity);
    }
}
