using System.Net;
using System.Net.Sockets;

namespace Ferret.Engine.GeoIp;

/// <summary>
/// Turns a field value into an address to look up. The Search Reference page "iplocation" accepts IPv4 and IPv6
/// addresses and CIDR subnets (the subnet's address is looked up); internal addresses get no location.
/// </summary>
public static class IpAddressText
{
    public static IPAddress? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(value.AsSpan(slash + 1), out var length) || length < 0)
            {
                return null;
            }

            value = value[..slash];
        }

        // IPAddress.TryParse also accepts "1", "1.2" and "0x1" (inet_aton forms); a log field with such a value is
        // a number, not an address, so only dotted quads and colon forms are taken.
        var isV4Shape = value.Count(c => c == '.') == 3 && value.All(c => char.IsAsciiDigit(c) || c == '.');
        if (!isV4Shape && !value.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        if (!IPAddress.TryParse(value, out var address))
        {
            return null;
        }

        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    /// <summary>Private, loopback, link-local, unspecified, multicast and other ranges no public database locates.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168);
        }

        var bytes = address.GetAddressBytes();
        return address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (bytes[0] & 0xFE) == 0xFC;
    }
}
