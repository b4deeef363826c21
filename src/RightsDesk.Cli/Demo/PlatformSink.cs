using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RightsDesk.Web.Notices;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's platform: the receiving end of the desk's signed webhook (Notices:Webhook), where a real platform's
/// systems would take a statement of reasons to show its user, an instruction to apply or lift a measure, or an
/// appeal's outcome. It checks the signature as a platform must (HMAC-SHA256 over "timestamp.body" with the shared
/// secret, within five minutes), refuses what does not match, keeps one copy per idempotency key, and lists what it
/// received on the demo mailbox's page. Part of the demo command only: a real desk is given its platform's URL.
/// </summary>
public sealed class PlatformSink
{
    /// <summary>A webhook body larger than this is refused: the desk's largest, a statement, is a few kilobytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Received> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Received> _received = new();

    /// <summary>A fresh secret per run: the demo desk is started with it, and nothing else knows it.</summary>
    public string Secret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public sealed record Received(DateTimeOffset At, string Event, string IdempotencyKey, string Body);

    public IReadOnlyList<Received> All => _received.ToArray();

    /// <summary>The desk's own clock, given once the desk is built: the signature's timestamp is the desk's time.</summary>
    public TimeProvider? Clock { get; set; }

    internal void Map(WebApplication app, Func<string, string, IResult> page)
    {
        app.MapPost("/platform/webhook", ReceiveAsync);
        app.MapGet("/platform", () => page("Demo platform", List()));
        app.MapGet("/platform/{n:int}", (int n) => n >= 0 && n < _received.Count ? page(All[n].Event, Show(n)) : Results.NotFound());
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = Encoding.UTF8.GetString(buffer.ToArray());
        var timestamp = request.Headers["X-RightsDesk-Timestamp"].ToString();
        var signature = request.Headers["X-RightsDesk-Signature"].ToString();
        if (Clock is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The demo platform is not ready yet.");
        }

        var now = Clock.GetUtcNow();
        var fresh = long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= Tolerance;
        var expected = "v1=" + WebhookSender.Sign(Secret, timestamp, body);
        if (!fresh || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            // What a platform answers a forged or replayed call: nothing is kept, and the desk's outbox tries again.
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The signature does not match this body and timestamp, or the timestamp is over five minutes away.");
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        var received = new Received(now, request.Headers["X-RightsDesk-Event"].ToString(), key, body);
        // The desk may deliver one message twice (a retry after a lost answer); a platform acts on it once.
        if (key.Length == 0 || _byKey.TryAdd(key, received))
        {
            _received.Enqueue(received);
        }

        return Results.Ok();
    }

    private string List()
    {
        var all = All;
        var sb = new StringBuilder("<p><a href=\"/\">Demo mailbox</a></p><h1>Demo platform</h1><p>Every signed webhook the demo desk sent to the platform (statements of reasons, instructions to apply or lift a measure, appeal outcomes), newest first, each with its signature checked. Nothing leaves this machine.</p>");
        if (all.Count == 0)
        {
            return sb.Append("<p>Nothing yet. A statement of reasons is sent when a moderation decision is recorded; reload this page.</p>").ToString();
        }

        sb.Append("<table><thead><tr><th scope=\"col\">Received</th><th scope=\"col\">Event</th><th scope=\"col\">Idempotency key</th></tr></thead><tbody>");
        for (var i = all.Count - 1; i >= 0; i--)
        {
            var r = all[i];
            sb.Append(FormattableString.Invariant($"<tr><td>{E(r.At.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))}</td><td><a href=\"/platform/{i}\">{E(r.Event)}</a></td><td>{E(r.IdempotencyKey)}</td></tr>"));
        }

        return sb.Append("</tbody></table>").ToString();
    }

    private string Show(int n)
    {
        var r = All[n];
        string pretty;
        try
        {
            using var doc = JsonDocument.Parse(r.Body);
            pretty = JsonSerializer.Serialize(doc.RootElement, Indented);
        }
        catch (JsonException)
        {
            pretty = r.Body;
        }

        return new StringBuilder("<p><a href=\"/platform\">All webhooks</a></p>")
            .Append(FormattableString.Invariant($"<h1>{E(r.Event)}</h1><dl><dt>Received</dt><dd>{E(r.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture))}</dd><dt>Idempotency key</dt><dd>{E(r.IdempotencyKey)}</dd><dt>Signature</dt><dd>checked: HMAC-SHA256 of the timestamp and body with the shared secret</dd></dl>"))
            .Append("<pre id=\"body\">").Append(E(pretty)).Append("</pre>").ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
