using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's mail: an SMTP server on loopback that keeps what it is sent, and a small page of its own, on its own
/// loopback port, where the delivered mail can be read. The desk sends to it through its normal SMTP path
/// (Notices:Smtp), so a demo notice or letter travels exactly as it would to a real relay. It is part of the demo
/// command only: a real desk is given its operator's relay.
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SmtpServer.SmtpServer _smtp;
    private readonly WebApplication _page;
    private readonly CancellationTokenSource _stop = new();
    private Task? _smtpTask;

    public MailSink(int smtpPort, string pageUrl)
    {
        SmtpPort = smtpPort;
        PageUrl = pageUrl.TrimEnd('/');
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, smtpPort)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        _smtp = new SmtpServer.SmtpServer(options, services);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(PageUrl);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _page = builder.Build();
        _page.MapGet("/", () => Html("Demo mailbox", List()));
        _page.MapGet("/messages/{n:int}", (int n) => n >= 0 && n < _messages.Count ? Html(Messages[n].Subject ?? "(no subject)", Show(n)) : Results.NotFound());
        _page.MapGet("/messages/{n:int}/attachments/{a:int}", (int n, int a) => Attachment(n, a));
        _page.MapGet("/messages/{n:int}/html", (int n, HttpContext http) => HtmlPart(n, http));
        Platform.Map(_page, Html);
    }

    /// <summary>The platform's end of the desk's signed webhook, served beside the mailbox (<see cref="PlatformSink"/>).</summary>
    public PlatformSink Platform { get; } = new();

    /// <summary>Where the demo desk sends its webhooks.</summary>
    public string WebhookUrl => PageUrl + "/platform/webhook";

    public int SmtpPort { get; }

    public string PageUrl { get; }

    public IReadOnlyList<MimeMessage> Messages => _messages.ToArray();

    public async Task StartAsync(CancellationToken ct)
    {
        _smtpTask = _smtp.StartAsync(_stop.Token);
        await _page.StartAsync(ct);
    }

    private string List()
    {
        var all = Messages;
        var sb = new StringBuilder("<h1>Demo mailbox</h1><p>Every e-mail the demo desk sent, through its normal SMTP path, newest first. Nothing leaves this machine. What the desk sent to the platform by webhook is on <a href=\"/platform\">the demo platform's page</a>.</p>");
        if (all.Count == 0)
        {
            return sb.Append("<p>No mail yet. A user notice is sent when a disclosure is approved; reload this page.</p>").ToString();
        }

        sb.Append("<table><thead><tr><th scope=\"col\">Received</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th></tr></thead><tbody>");
        for (var i = all.Count - 1; i >= 0; i--)
        {
            var m = all[i];
            sb.Append(CultureInfoFree($"<tr><td>{E(m.Date.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))}</td><td>{E(m.To.ToString())}</td><td><a href=\"/messages/{i}\">{E(m.Subject ?? "(no subject)")}</a>{(m.Attachments.Any() ? " (with attachment)" : "")}</td></tr>"));
        }

        return sb.Append("</tbody></table>").ToString();
    }

    private string Show(int n)
    {
        var m = Messages[n];
        var sb = new StringBuilder("<p><a href=\"/\">All mail</a></p>");
        sb.Append(CultureInfoFree($"<h1>{E(m.Subject ?? "(no subject)")}</h1><dl><dt>From</dt><dd>{E(m.From.ToString())}</dd><dt>To</dt><dd>{E(m.To.ToString())}</dd><dt>Message-Id</dt><dd>{E(m.MessageId ?? "")}</dd></dl>"));
        if (m.HtmlBody is not null)
        {
            sb.Append(CultureInfoFree($"<p>The plain-text part, as a mail client without HTML shows it. <a href=\"/messages/{n}/html\">The HTML part</a>.</p>"));
        }

        sb.Append("<pre id=\"body\">").Append(E(m.TextBody ?? "")).Append("</pre>");
        var i = 0;
        foreach (var a in m.Attachments.OfType<MimePart>())
        {
            sb.Append(CultureInfoFree($"<p>Attachment: <a href=\"/messages/{n}/attachments/{i++}\">{E(a.FileName ?? "attachment")}</a> ({E(a.ContentType.MimeType)})</p>"));
        }

        return sb.ToString();
    }

    private IResult Attachment(int n, int a)
    {
        var all = Messages;
        if (n < 0 || n >= all.Count || all[n].Attachments.OfType<MimePart>().ElementAtOrDefault(a) is not { } part)
        {
            return Results.NotFound();
        }

        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        return Results.File(buffer.ToArray(), part.ContentType.MimeType, part.FileName);
    }

    /// <summary>The HTML part as the desk sent it, under a policy that lets it fetch and run nothing.</summary>
    private IResult HtmlPart(int n, HttpContext http)
    {
        var all = Messages;
        if (n < 0 || n >= all.Count || all[n].HtmlBody is not { } html)
        {
            return Results.NotFound();
        }

        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string CultureInfoFree(FormattableString s) => FormattableString.Invariant(s);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static IResult Html(string title, string body) => Results.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(title)} · demo mailbox</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse;width:100%}"
        + "th,td{text-align:start;padding:.3rem .5rem;border-bottom:1px solid #ccc;overflow-wrap:anywhere}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f5f5f5;padding:1rem}</style>"
        + $"</head><body><main>{body}</main></body></html>", "text/html; charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _smtp.Shutdown();
        if (_smtpTask is not null)
        {
            await Task.WhenAny(_smtpTask, Task.Delay(TimeSpan.FromSeconds(2)));
        }

        await _page.DisposeAsync();
        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
