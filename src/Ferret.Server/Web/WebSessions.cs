using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ferret.Server.Web;

/// <summary>
/// Logins of the web pages: a user's name and password traded for a random session key kept in an HttpOnly, Secure,
/// SameSite=Strict cookie (so another site's page cannot act with it), valid for <see cref="Lifetime"/> after its last
/// use. Sessions live in memory: a restart asks users to log in again, as splunkweb does.
/// </summary>
internal sealed class WebSessions(IReadOnlyList<WebUser> users, TimeProvider clock)
{
    public const string CookieName = "ferret_session";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, (WebUser User, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);

    public string? Login(string? name, string? password)
    {
        // Every user's password is compared (in constant time) so the answer's timing does not tell which names exist.
        WebUser? found = null;
        foreach (var user in users)
        {
            if (Matches(name, user.Name) & Matches(password, user.Password))
            {
                found = user;
            }
        }

        if (found is null)
        {
            return null;
        }

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _sessions[key] = (found, clock.GetUtcNow() + Lifetime);
        return key;
    }

    public void Logout(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is { } key)
        {
            _sessions.TryRemove(key, out _);
        }
    }

    /// <summary>The user of the request's session cookie, its lifetime renewed; null when there is none or it expired.</summary>
    public WebUser? User(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { } key || !_sessions.TryGetValue(key, out var session))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (session.Expires <= now)
        {
            _sessions.TryRemove(key, out _);
            return null;
        }

        _sessions[key] = (session.User, now + Lifetime);
        return session.User;
    }

    private static bool Matches(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
