using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ferret.Server.Hec;

internal sealed partial class HecEndpoints
{
    /// <summary>The request's token and channel, or null once the refusal (auth or channel) has been answered.</summary>
    private async Task<(HecToken Token, string? Channel)?> Admit(HttpContext context)
    {
        if (Authorize(context, out var token) is { } denied)
        {
            await Write(context, denied);
            return null;
        }

        if (Channel(context, token!, out var channel) is { } channelError)
        {
            await Write(context, channelError);
            return null;
        }

        return (token!, channel);
    }

    /// <summary>
    /// The token of the request: <c>Authorization: Splunk TOKEN</c>, or HTTP basic authentication with the token as the
    /// password (any user), as HEC accepts both. Null when authorized; else the status to answer with.
    /// </summary>
    private HecStatus? Authorize(HttpContext context, out HecToken? token)
    {
        token = null;
        string header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return HecStatus.TokenRequired;
        }

        string? value = null;
        if (header.StartsWith("Splunk ", StringComparison.OrdinalIgnoreCase))
        {
            value = header[7..].Trim();
        }
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                value = colon >= 0 ? decoded[(colon + 1)..] : null;
            }
            catch (FormatException)
            {
                value = null;
            }
        }

        if (string.IsNullOrEmpty(value))
        {
            return HecStatus.InvalidAuthorization;
        }

        if (!_tokens.TryGetValue(value, out token))
        {
            return HecStatus.InvalidToken;
        }

        return token.Disabled ? HecStatus.TokenDisabled : null;
    }

    /// <summary>The request's channel (header <c>X-Splunk-Request-Channel</c> or query <c>channel</c>); a token with
    /// acknowledgement on requires one, and any channel given must be a GUID.</summary>
    private static HecStatus? Channel(HttpContext context, HecToken token, out string? channel)
    {
        channel = context.Request.Headers["X-Splunk-Request-Channel"].ToString();
        if (channel.Length == 0)
        {
            channel = context.Request.Query["channel"].ToString();
        }

        if (channel.Length == 0)
        {
            channel = null;
            return token.UseAck ? HecStatus.ChannelMissing : null;
        }

        return AckTracker.IsValidChannel(channel) ? null : HecStatus.InvalidChannel;
    }
}
