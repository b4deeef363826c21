using System.Net;

namespace RightsDesk.Web.Hosting;

/// <summary>
/// The one public base address every absolute link is built from: links in e-mails, enrolment links shown to an
/// administrator, anything a person follows from outside. Set as <c>RightsDesk:PublicUrl</c> (e.g.
/// https://desk.example.org); <c>Portal:BaseUrl</c>, its earlier name, is still read when it is unset.
/// Without either, a link is made only for a request to a loopback address: one built from any other request's Host
/// header could send a person's enrolment secret to a host the attacker chose, and behind a proxy it would name the
/// internal host.
/// </summary>
public sealed class PublicUrl
{
    public const string Setting = "RightsDesk:PublicUrl";
    public const string LegacySetting = "Portal:BaseUrl";

    public PublicUrl(IConfiguration config)
    {
        var text = config[Setting] is { Length: > 0 } set ? set : config[LegacySetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new InvalidOperationException($"{Setting} must be an absolute http or https address without query, such as https://desk.example.org.");
        }

        Configured = uri.GetLeftPart(UriPartial.Authority) + uri.AbsolutePath.TrimEnd('/');
        Host = uri.IdnHost;
        IsHttps = uri.Scheme == Uri.UriSchemeHttps;
    }

    /// <summary>The configured base address without a trailing slash, or null when none is set.</summary>
    public string? Configured { get; }

    /// <summary>The configured address's host name, for the forwarded-host check.</summary>
    public string? Host { get; }

    /// <summary>Whether the configured address is https (then HSTS is sent).</summary>
    public bool IsHttps { get; }

    /// <summary>The base address for links, or null when none can be trusted for this request.</summary>
    public string? For(HttpRequest? request)
    {
        if (Configured is not null)
        {
            return Configured;
        }

        if (request is null)
        {
            return null;
        }

        var host = request.Host.Host;
        var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return loopback ? $"{request.Scheme}://{request.Host.Value}" : null;
    }
}
