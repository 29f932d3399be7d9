using Microsoft.Data.Sqlite;

namespace Ferret.Server.Web;

/// <summary>One triage change of a notable, as a row of ES's <c>incident_review</c> lookup: the notable
/// (<c>rule_id</c>, its <c>event_id</c>), when, by whom, and the status, owner, urgency and comment it set.</summary>
internal sealed record ReviewChange(string RuleId, double Time, string User, string Status, string Owner, string? Urgency, string? Comment);

/// <summary>
/// The triage state of notables and of detections, in <c>DATA/incident_review.db</c> (SQLite, WAL, synchronous=FULL so
/// an answered change survives a crash). Notables keep an append-only audit trail, as ES's <c>incident_review</c>
/// lookup does: each change is a row, and a notable's current state is its latest row. A detection enabled or disabled
/// from the web pages is remembered here and applied over the settings at the next start.
/// </summary>
internal sealed class ReviewStore : IDisposable
{
    public const string FileName = "incident_review.db";

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public ReviewStore(string dataDirectory)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
            CREATE TABLE IF NOT EXISTS incident_review (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, rule_id TEXT NOT NULL, time REAL NOT NULL, user TEXT NOT NULL,
                status TEXT NOT NULL, owner TEXT NOT NULL, urgency TEXT, comment TEXT);
            CREATE INDEX IF NOT EXISTS incident_review_rule ON incident_review(rule_id, seq);
            CREATE TABLE IF NOT EXISTS detection_state (
                name TEXT PRIMARY KEY, enabled INTEGER NOT NULL, time REAL NOT NULL, user TEXT NOT NULL);
            """);
    }

    public void Record(ReviewChange change)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO incident_review(rule_id, time, user, status, owner, urgency, comment)
                VALUES ($rule, $time, $user, $status, $owner, $urgency, $comment)
                """;
            command.Parameters.AddWithValue("$rule", change.RuleId);
            command.Parameters.AddWithValue("$time", change.Time);
            command.Parameters.AddWithValue("$user", change.User);
            command.Parameters.AddWithValue("$status", change.Status);
            command.Parameters.AddWithValue("$owner", change.Owner);
            command.Parameters.AddWithValue("$urgency", (object?)change.Urgency ?? DBNull.Value);
            command.Parameters.AddWithValue("$comment", (object?)change.Comment ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The latest change of every notable that has one, by <c>rule_id</c>.</summary>
    public Dictionary<string, ReviewChange> Current()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT rule_id, time, user, status, owner, urgency, comment FROM incident_review
                WHERE seq IN (SELECT MAX(seq) FROM incident_review GROUP BY rule_id)
                """;
            return Read(command).ToDictionary(c => c.RuleId, StringComparer.Ordinal);
        }
    }

    /// <summary>Every change of one notable, oldest first.</summary>
    public List<ReviewChange> History(string ruleId)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT rule_id, time, user, status, owner, urgency, comment FROM incident_review WHERE rule_id = $rule ORDER BY seq";
            command.Parameters.AddWithValue("$rule", ruleId);
            return Read(command);
        }
    }

    public void SetDetectionEnabled(string name, bool enabled, double time, string user)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO detection_state(name, enabled, time, user) VALUES ($name, $enabled, $time, $user)
                ON CONFLICT(name) DO UPDATE SET enabled = excluded.enabled, time = excluded.time, user = excluded.user
                """;
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$enabled", enabled ? 1 : 0);
            command.Parameters.AddWithValue("$time", time);
            command.Parameters.AddWithValue("$user", user);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The detections enabled or disabled from the web pages, by saved search name.</summary>
    public Dictionary<string, bool> DetectionStates()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT name, enabled FROM detection_state";
            using var reader = command.ExecuteReader();
            var states = new Dictionary<string, bool>(StringComparer.Ordinal);
            while (reader.Read())
            {
                states[reader.GetString(0)] = reader.GetInt64(1) != 0;
            }

            return states;
        }
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<ReviewChange> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var changes = new List<ReviewChange>();
        while (reader.Read())
        {
            changes.Add(new ReviewChange(reader.GetString(0), reader.GetDouble(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return changes;
    }
}
