namespace Ferret.Publishing.Conf;

/// <summary>One <c>[stanza]</c> of a Splunk .conf file and its settings in order.</summary>
public sealed record ConfStanza(string Name, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    public string? this[string key] => Settings.LastOrDefault(s => s.Key == key) is { Key: not null } setting ? setting.Value : null;
}

/// <summary>Builds a stanza setting by setting; keeps the order settings were added in.</summary>
public sealed class ConfStanzaBuilder(string name)
{
    private readonly List<KeyValuePair<string, string>> _settings = [];

    public ConfStanzaBuilder Add(string key, string value)
    {
        _settings.Add(new(key, value));
        return this;
    }

    public ConfStanzaBuilder Add(string key, int value) => Add(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public ConfStanzaBuilder AddIf(bool condition, string key, string value) => condition ? Add(key, value) : this;

    public ConfStanza Build() => new(name, [.. _settings]);
}
