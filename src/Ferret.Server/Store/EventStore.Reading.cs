using System.Text;
using Microsoft.Data.Sqlite;

namespace Ferret.Server.Store;

internal sealed partial class EventStore
{
    /// <summary>
    /// The events <paramref name="query"/> selects, newest first as Splunk returns them: only the buckets of the
    /// queried indexes whose span meets the time range are opened, and in each the time range, metadata patterns and
    /// FTS5 terms are applied by SQLite. Streamed: one bucket is read at a time.
    /// </summary>
    public IEnumerable<StoredEvent> Read(StoreQuery query)
    {
        List<Bucket> buckets;
        lock (_bucketsGate)
        {
            buckets = [.. _buckets.Values
                .Where(b => query.Indexes.Contains(b.Index, StringComparer.Ordinal))
                .Where(b => (query.Latest is not { } latest || b.Start < latest) && (query.Earliest is not { } earliest || b.End > earliest))
                .OrderByDescending(b => b.Start)
                .ThenBy(b => b.Index, StringComparer.Ordinal)];
        }

        var sql = Sql(query);
        foreach (var bucket in buckets)
        {
            foreach (var e in ReadBucket(bucket, sql, query))
            {
                yield return e;
            }
        }
    }

    /// <summary>How many events each index holds (all time).</summary>
    public long Count(string index)
    {
        long total = 0;
        foreach (var e in CountPerBucket(index))
        {
            total += e;
        }

        return total;
    }

    private IEnumerable<long> CountPerBucket(string index)
    {
        List<Bucket> buckets;
        lock (_bucketsGate)
        {
            buckets = [.. _buckets.Values.Where(b => b.Index == index)];
        }

        foreach (var bucket in buckets)
        {
            using var connection = OpenIfPresent(bucket);
            if (connection is null)
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM events";
            yield return (long)command.ExecuteScalar()!;
        }
    }

    private static IEnumerable<StoredEvent> ReadBucket(Bucket bucket, string sql, StoreQuery query)
    {
        using var connection = OpenIfPresent(bucket);
        if (connection is null)
        {
            yield break;
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$earliest", query.Earliest ?? double.MinValue);
        command.Parameters.AddWithValue("$latest", query.Latest ?? double.MaxValue);
        var p = 0;
        foreach (var filter in query.Metadata)
        {
            foreach (var pattern in filter.Patterns)
            {
                command.Parameters.AddWithValue($"$m{p++}", LikePattern(pattern));
            }
        }

        for (var t = 0; t < query.Terms.Count; t++)
        {
            command.Parameters.AddWithValue($"$t{t}", query.Terms[t]);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new StoredEvent(
                bucket.Index,
                reader.GetDouble(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5));
        }
    }

    private static SqliteConnection? OpenIfPresent(Bucket bucket)
    {
        try
        {
            return File.Exists(bucket.Path) ? bucket.OpenReader() : null;
        }
        catch (SqliteException)
        {
            // A bucket rolled (renamed) or frozen between listing and opening: its events are in the renamed file,
            // which the next search lists, or gone by retention.
            return null;
        }
    }

    private static string Sql(StoreQuery query)
    {
        var sql = new StringBuilder("SELECT time, host, source, sourcetype, raw, fields FROM events WHERE time >= $earliest AND time < $latest");
        var p = 0;
        foreach (var filter in query.Metadata)
        {
            sql.Append(" AND (");
            for (var i = 0; i < filter.Patterns.Count; i++)
            {
                sql.Append(i == 0 ? string.Empty : " OR ").Append(filter.Column).Append(" LIKE $m").Append(p++).Append(" ESCAPE '\\'");
            }

            sql.Append(')');
        }

        for (var t = 0; t < query.Terms.Count; t++)
        {
            sql.Append(" AND id IN (SELECT rowid FROM terms WHERE terms MATCH $t").Append(t).Append(')');
        }

        return sql.Append(" ORDER BY time DESC").ToString();
    }

    /// <summary>A Splunk value pattern (<c>*</c> any characters) as a LIKE pattern; LIKE is case-insensitive for ASCII
    /// as Splunk's search is for field values.</summary>
    private static string LikePattern(string pattern)
    {
        var like = new StringBuilder(pattern.Length + 4);
        foreach (var c in pattern)
        {
            like.Append(c switch
            {
                '*' => "%",
                '%' => "\\%",
                '_' => "\\_",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        }

        return like.ToString();
    }
}
