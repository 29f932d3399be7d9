using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ferret.Server.Rest;

/// <summary>
/// splunkd's authentication: <c>POST /services/auth/login</c> trades the user's password for a session key; a request
/// then authenticates with <c>Authorization: Splunk SESSIONKEY</c>, with <c>Authorization: Bearer TOKEN</c> (a session key
/// or a configured token), or with HTTP basic authentication. One user, the admin.
/// </summary>
internal sealed class RestAuth(string user, string password, IReadOnlyList<string> bearerTokens)
{
    private readonly ConcurrentDictionary<string, string> _sessions = new(StringComparer.Ordinal);

    public string? Login(string? name, string? secret)
    {
        if (!Matches(name, user) || !Matches(secret, password))
        {
            return null;
        }

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _sessions[key] = user;
        return key;
    }

    public bool IsAuthenticated(HttpContext context)
    {
        string header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Splunk ", StringComparison.OrdinalIgnoreCase))
        {
            return _sessions.ContainsKey(header[7..].Trim());
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header[7..].Trim();
            return _sessions.ContainsKey(token) || bearerTokens.Any(t => Matches(token, t));
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon > 0 && Matches(decoded[..colon], user) && Matches(decoded[(colon + 1)..], password);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return false;
    }

    private static bool Matches(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
