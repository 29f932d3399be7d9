using System.Text.Json;
using Ferret.Events;
using Ferret.Server.Store;

namespace Ferret.Server.Logging;

/// <summary>
/// The server's own log, searchable as Splunk's is in <c>index=_internal</c>: one JSON event per line
/// (sourcetype <c>ferret:serve</c>, source <c>ferret-serve</c>) with <c>level</c>, <c>component</c>, <c>message</c>
/// and the figures of the event (ingest rates, scheduled runs, skipped runs, errors). Also echoed to a text writer
/// (the console) when one is given. Writing to the store is not awaited: a log line never holds up the work it logs.
/// </summary>
internal sealed class InternalLog(EventStore store, TimeProvider clock, TextWriter? echo)
{
    public const string Index = "_internal";

    private readonly string _host = Environment.MachineName;
    private readonly Lock _echoGate = new();

    public void Info(string component, string message, params (string Name, object? Value)[] fields) => Write("INFO", component, message, fields);

    public void Warn(string component, string message, params (string Name, object? Value)[] fields) => Write("WARN", component, message, fields);

    public void Error(string component, string message, params (string Name, object? Value)[] fields) => Write("ERROR", component, message, fields);

    private void Write(string level, string component, string message, (string Name, object? Value)[] fields)
    {
        var now = EpochTime.FromDateTimeOffset(clock.GetUtcNow());
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("level", level);
            json.WriteString("component", component);
            json.WriteString("message", message);
            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case null:
                        break;
                    case int or long or double:
                        json.WriteNumber(name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    default:
                        json.WriteString(name, value.ToString());
                        break;
                }
            }

            json.WriteEndObject();
        }

        var raw = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        if (echo is not null)
        {
            lock (_echoGate)
            {
                echo.WriteLine($"{clock.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ} {level} {component}: {message}");
            }
        }

        try
        {
            _ = store.AppendAsync([new StoredEvent(Index, now, _host, "ferret-serve", "ferret:serve", raw)]);
        }
        catch (Exception error) when (error is StoreBusyException or ObjectDisposedException)
        {
            // The store is full or closing: the console still has the line.
        }
    }
}
