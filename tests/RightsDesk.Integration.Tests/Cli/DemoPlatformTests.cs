using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RightsDesk.Cli.Demo;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Notices;

namespace RightsDesk.Integration.Tests.Cli;

/// <summary>The demo's platform end of the desk's webhook: it takes what the desk signs, once, and nothing else.</summary>
public sealed class DemoPlatformTests
{
    private static HttpRequestMessage Signed(string url, string secret, DateTimeOffset at, string body, string key)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-RightsDesk-Event", "statement.issued");
        request.Headers.Add("X-RightsDesk-Timestamp", timestamp);
        request.Headers.Add("X-RightsDesk-Signature", "v1=" + WebhookSender.Sign(secret, timestamp, body));
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task A_signed_webhook_is_listed_once_and_a_forged_or_stale_one_is_refused()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var sink = new MailSink(WebhookReceiver.FreePort(), $"http://127.0.0.1:{WebhookReceiver.FreePort()}");
        sink.Platform.Clock = clock;
        await sink.StartAsync(default);
        using var http = new HttpClient();
        const string body = """{"event":"statement.issued","puid":"demo-post-00001"}""";

        using (var first = Signed(sink.WebhookUrl, sink.Platform.Secret, clock.GetUtcNow(), body, "statement:a:1"))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(first)).StatusCode);
        }

        using (var again = Signed(sink.WebhookUrl, sink.Platform.Secret, clock.GetUtcNow(), body, "statement:a:1"))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(again)).StatusCode);
        }

        using (var forged = Signed(sink.WebhookUrl, "not-the-secret-of-this-demo-run-at-all", clock.GetUtcNow(), body, "statement:b:1"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(forged)).StatusCode);
        }

        using (var stale = Signed(sink.WebhookUrl, sink.Platform.Secret, clock.GetUtcNow().AddMinutes(-6), body, "statement:c:1"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(stale)).StatusCode);
        }

        var received = Assert.Single(sink.Platform.All);
        Assert.Equal(("statement.issued", "statement:a:1", body), (received.Event, received.IdempotencyKey, received.Body));
        var page = await http.GetStringAsync(sink.PageUrl + "/platform");
        Assert.Contains("statement:a:1", page, StringComparison.Ordinal);
        Assert.DoesNotContain("statement:b:1", page, StringComparison.Ordinal);
        Assert.Contains("demo-post-00001", await http.GetStringAsync(sink.PageUrl + "/platform/0"), StringComparison.Ordinal);
    }
}
