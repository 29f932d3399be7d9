using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Ferret.Server.Store;

/// <summary>
/// One bucket: a SQLite database holding one index's events whose <c>_time</c> falls in
/// <c>[Start, Start + span)</c>. A hot bucket (<c>hot_START.db</c>) is open for writing; a bucket rolls to warm
/// (<c>warm_START.db</c>) once its span has ended and it saw no write for a while: its write-ahead log is folded in
/// and its connection closed, as Splunk rolls hot buckets to warm. A late event for a warm bucket reopens it.
/// The FTS5 term index is contentless with <c>detail=none</c> and <c>columnsize=0</c>: it only prunes candidate
/// events by term, so it keeps neither positions nor per-event token counts (those serve ranking), which cut the
/// write path's CPU per event by about a fifth (docs/benchmarks.md).
/// </summary>
internal sealed class Bucket : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            id INTEGER PRIMARY KEY,
            time REAL NOT NULL,
            host TEXT NOT NULL,
            source TEXT NOT NULL,
            sourcetype TEXT NOT NULL,
            raw TEXT NOT NULL,
            fields TEXT,
            dedup TEXT);
        CREATE INDEX IF NOT EXISTS events_time ON events(time);
        CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5(raw, content='', detail=none, columnsize=0, tokenize='unicode61');
        CREATE TRIGGER IF NOT EXISTS events_terms AFTER INSERT ON events BEGIN
            INSERT INTO terms(rowid, raw) VALUES (new.id, new.raw);
        END;
        """;

    private SqliteConnection? _writer;
    private SqliteCommand? _insertEvent;

    public Bucket(string index, string path, double start, double span)
    {
        Index = index;
        Path = path;
        Start = start;
        End = start + span;
    }

    public string Index { get; }

    public string Path { get; private set; }

    public double Start { get; }

    public double End { get; }

    public bool IsHot => System.IO.Path.GetFileName(Path).StartsWith("hot_", StringComparison.Ordinal);

    /// <summary>When the store last committed to this bucket (by the store's clock).</summary>
    public DateTimeOffset LastWrite { get; set; } = DateTimeOffset.MinValue;

    public static string FileName(bool hot, double start) =>
        (hot ? "hot_" : "warm_") + ((long)start).ToString(CultureInfo.InvariantCulture) + ".db";

    /// <summary>The start of the bucket a file name names, or null for a file that is not a bucket.</summary>
    public static double? StartOf(string fileName)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(fileName);
        var digits = name.StartsWith("hot_", StringComparison.Ordinal) ? name[4..]
            : name.StartsWith("warm_", StringComparison.Ordinal) ? name[5..]
            : null;
        return System.IO.Path.GetExtension(fileName) == ".db" && long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
            ? start
            : null;
    }

    /// <summary>
    /// Writes <paramref name="events"/> in the caller's transaction on this bucket's writer connection. The
    /// connection runs in WAL mode with <c>synchronous=FULL</c>: each commit fsyncs the log, so an acknowledged
    /// event survives not only a killed process (which NORMAL would already give) but a power loss too; group commit
    /// (many requests per transaction, see <see cref="EventStore"/>) pays that fsync once per batch.
    /// </summary>
    public SqliteTransaction Begin()
    {
        var writer = Writer();
        return writer.BeginTransaction();
    }

    public int Insert(SqliteTransaction transaction, StoredEvent e)
    {
        var insert = _insertEvent!;
        insert.Transaction = transaction;
        insert.Parameters[0].Value = e.Time;
        insert.Parameters[1].Value = e.Host;
        insert.Parameters[2].Value = e.Source;
        insert.Parameters[3].Value = e.SourceType;
        insert.Parameters[4].Value = e.Raw;
        insert.Parameters[5].Value = (object?)e.IndexedFields ?? DBNull.Value;
        insert.Parameters[6].Value = (object?)e.DedupKey ?? DBNull.Value;
        return insert.ExecuteNonQuery();
    }

    /// <summary>Rolls a hot bucket to warm: folds the log into the database, closes it and renames the file.</summary>
    public void RollToWarm()
    {
        if (!IsHot)
        {
            return;
        }

        if (_writer is not null)
        {
            using (var checkpoint = _writer.CreateCommand())
            {
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                checkpoint.ExecuteNonQuery();
            }

            CloseWriter();
        }

        var warm = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, FileName(hot: false, Start));
        File.Move(Path, warm);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(Path + suffix))
            {
                File.Delete(Path + suffix);
            }
        }

        Path = warm;
    }

    /// <summary>A connection to read this bucket (its own, so reads run beside the writer as WAL allows).</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(ConnectionString(Path, SqliteOpenMode.ReadWrite));
        connection.Open();
        return connection;
    }

    public long SizeInBytes =>
        new[] { Path, Path + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);

    /// <summary>Deletes the bucket's files (retention: Splunk freezes the bucket; Ferret keeps no frozen archive).</summary>
    public void Delete()
    {
        CloseWriter();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    public void Dispose() => CloseWriter();

    private SqliteConnection Writer()
    {
        if (_writer is not null)
        {
            return _writer;
        }

        if (!IsHot)
        {
            var hot = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, FileName(hot: true, Start));
            if (File.Exists(Path))
            {
                File.Move(Path, hot);
            }

            Path = hot;
        }

        var connection = new SqliteConnection(ConnectionString(Path, SqliteOpenMode.ReadWriteCreate));
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; " + Schema;
            setup.ExecuteNonQuery();
        }

        EnsureDedupIndex(connection);
        _insertEvent = connection.CreateCommand();
        _insertEvent.CommandText = "INSERT OR IGNORE INTO events(time, host, source, sourcetype, raw, fields, dedup) VALUES ($t, $h, $s, $st, $r, $f, $d);";
        foreach (var name in new[] { "$t", "$h", "$s", "$st", "$r", "$f", "$d" })
        {
            _insertEvent.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _writer = connection;
        return connection;
    }

    /// <summary>
    /// The dedup key is unique among the events that have one (notables and risk events written by alert actions):
    /// a partial index leaves out the null keys of ingested events, one B-tree insert per event fewer than a
    /// UNIQUE column. A bucket written before that change keeps its UNIQUE column's index, which serves the same.
    /// </summary>
    private static void EnsureDedupIndex(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND name = 'sqlite_autoindex_events_1'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            command.CommandText = "CREATE UNIQUE INDEX IF NOT EXISTS events_dedup ON events(dedup) WHERE dedup IS NOT NULL";
            command.ExecuteNonQuery();
        }
    }

    private void CloseWriter()
    {
        _insertEvent?.Dispose();
        _insertEvent = null;
        if (_writer is not null)
        {
            _writer.Dispose();
            SqliteConnection.ClearPool(_writer);
            _writer = null;
        }
    }

    private static string ConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();
}
