using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using RightsDesk.Application.SecretCodes;

namespace RightsDesk.Web.Defenders;

/// <summary>Why the incident channel refused a post before reading it.</summary>
public enum IncidentRefusal { None, CrossSite, TooMany }

/// <summary>
/// What stands in for a CAPTCHA and an antiforgery cookie on the incident channel, which sets no cookie and runs no
/// script. A post must come from our own page: browsers send <c>Sec-Fetch-Site</c> and <c>Origin</c> on every form
/// post, and a forged one from another site says so. Reports are limited per address, per network (/24 for IPv4,
/// /48 for IPv6) and for the whole node, the last stricter than either, so a flood cannot drown real reports.
/// An address is never stored: the counters are keyed by an HMAC under a key made when the process starts and held
/// only in memory, and a counter is forgotten when its window ends. Restarting the node forgets them all.
/// </summary>
public sealed class IncidentGuard
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly AttemptLimiter _perAddress;
    private readonly AttemptLimiter _perNetwork;
    private readonly AttemptLimiter _underLoad;

    public IncidentGuard(IncidentGuardOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _perAddress = new AttemptLimiter(options.PerAddress, options.Window, clock);
        _perNetwork = new AttemptLimiter(options.PerNetwork, options.Window, clock);
        _underLoad = new AttemptLimiter(options.PerNode, TimeSpan.FromMinutes(1), clock);
    }

    public IncidentRefusal Check(HttpRequest request, bool counts)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!FromOurPage(request))
        {
            return IncidentRefusal.CrossSite;
        }

        if (!counts)
        {
            return IncidentRefusal.None;
        }

        var address = request.HttpContext.Connection.RemoteIpAddress;
        // Every limit counts the attempt, so one that is already full does not let the others go uncounted.
        var node = _underLoad.TryAcquire("*");
        var own = address is null || _perAddress.TryAcquire(Keyed("a", address.GetAddressBytes()));
        var net = address is null || _perNetwork.TryAcquire(Keyed("n", Network(address)));
        return node && own && net ? IncidentRefusal.None : IncidentRefusal.TooMany;
    }

    /// <summary>Same-origin by the browser's own word (<c>Sec-Fetch-Site</c>), else by <c>Origin</c> matching the host
    /// the form was served from. A client that sends neither is not a browser a forged page could drive. When the
    /// browser says same-origin its word is taken over <c>Origin</c>: our pages are sent with
    /// <c>Referrer-Policy: no-referrer</c>, under which Chromium posts our own form with <c>Origin: null</c>.</summary>
    public static bool FromOurPage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var o)
            && string.Equals(o.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private string Keyed(string kind, byte[] value)
    {
        var bytes = Encoding.ASCII.GetBytes(kind).Concat(value).ToArray();
        return Convert.ToBase64String(HMACSHA256.HashData(_key, bytes));
    }

    private static byte[] Network(IPAddress address)
    {
        var a = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        var bytes = a.GetAddressBytes();
        var keep = a.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        return bytes[..keep];
    }
}

public sealed class IncidentGuardOptions
{
    public int PerAddress { get; set; } = 5;
    public int PerNetwork { get; set; } = 20;
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Reports a node takes in a minute from everyone together.</summary>
    public int PerNode { get; set; } = 30;
}
