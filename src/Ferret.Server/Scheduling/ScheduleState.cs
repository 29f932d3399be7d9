using Microsoft.Data.Sqlite;

namespace Ferret.Server.Scheduling;

/// <summary>
/// The scheduler's memory, in <c>DATA/scheduler.db</c> (SQLite, WAL, synchronous=FULL): for each saved search, the
/// scheduled time it last ran for, or on first sight the time from which it is scheduled. Written once a run's
/// actions are committed, so a window is never run twice, and a run cut short by a crash runs again at start (its
/// notables and risk events are keyed by window, so the rerun writes no duplicates).
/// </summary>
internal sealed class ScheduleState : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public ScheduleState(string dataDirectory)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "scheduler.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        _connection.Open();
        using var setup = _connection.CreateCommand();
        setup.CommandText = """
            PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
            CREATE TABLE IF NOT EXISTS last_run (search TEXT PRIMARY KEY, scheduled REAL NOT NULL);
            """;
        setup.ExecuteNonQuery();
    }

    public double? LastScheduled(string search)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT scheduled FROM last_run WHERE search = $s";
            command.Parameters.AddWithValue("$s", search);
            return command.ExecuteScalar() is double value ? value : null;
        }
    }

    public void Record(IEnumerable<string> searches, double scheduled)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO last_run(search, scheduled) VALUES ($s, $t) ON CONFLICT(search) DO UPDATE SET scheduled = excluded.scheduled";
            var name = command.Parameters.Add(new SqliteParameter { ParameterName = "$s" });
            command.Parameters.AddWithValue("$t", scheduled);
            foreach (var search in searches)
            {
                name.Value = search;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    public void Dispose() => _connection.Dispose();
}
