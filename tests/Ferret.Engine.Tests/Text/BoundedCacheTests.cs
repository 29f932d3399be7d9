using Ferret.Engine.Text;

namespace Ferret.Engine.Tests.Text;

/// <summary>The bounded map behind <see cref="RegexCache"/>: it never holds more than its capacity, and a sweep drops
/// the entries not used since the last one before those in use.</summary>
public sealed class BoundedCacheTests
{
    [Fact]
    public void An_entry_asked_for_again_is_not_made_again()
    {
        var cache = new BoundedCache<string, object>(8);
        var first = cache.GetOrAdd("a", static (_, _) => new object(), 0);

        var again = cache.GetOrAdd("a", static (_, _) => throw new InvalidOperationException("made twice"), 0);

        Assert.Same(first, again);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Passing_the_capacity_sweeps_the_cache_down_to_three_quarters_of_it()
    {
        var cache = new BoundedCache<int, int>(8);
        for (var key = 0; key < 8; key++)
        {
            cache.GetOrAdd(key, static (k, _) => k, 0);
        }

        Assert.Equal(8, cache.Count);
        cache.GetOrAdd(8, static (k, _) => k, 0);
        Assert.Equal(6, cache.Count);
    }

    [Fact]
    public void An_entry_used_since_the_last_sweep_outlives_the_unused_ones()
    {
        var cache = new BoundedCache<int, int>(8);
        for (var key = 0; key < 8; key++)
        {
            cache.GetOrAdd(key, static (k, _) => k, 0);
        }

        cache.GetOrAdd(3, static (_, _) => -1, 0);
        cache.GetOrAdd(8, static (k, _) => k, 0);

        Assert.Equal(3, cache.GetOrAdd(3, static (_, _) => -1, 0));
    }

    [Fact]
    public void A_dropped_entry_is_made_again_when_asked_for()
    {
        var cache = new BoundedCache<int, string>(4);
        for (var key = 0; key < 40; key++)
        {
            cache.GetOrAdd(key, static (k, _) => $"v{k}", 0);
            Assert.True(cache.Count <= cache.Capacity);
        }

        Assert.Equal("v0", cache.GetOrAdd(0, static (k, _) => $"v{k}", 0));
    }
}
