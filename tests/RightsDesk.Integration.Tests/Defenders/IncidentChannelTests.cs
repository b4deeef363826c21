using System.Net;
using System.Text.RegularExpressions;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Security;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Defenders;

/// <summary>
/// The public incident channel over HTTP: no cookie, no caching, forged posts refused, a receipt shown once that
/// opens the status and the thread in any case and spacing, and nothing of the reporter's connection kept.
/// </summary>
public abstract partial class IncidentChannelTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string UserAgent = "ReporterBrowser/9.9 (incident-ua-7f3c)";
    private const string ForwardedFor = "203.0.113.77";

    private HttpClient Client()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ForwardedFor);
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return client;
    }

    private static FormUrlEncodedContent Report(string description) => new([
        new("types", "threats"), new("types", "doxxing"), new("description", description),
        new("accounts", "https://social.example/@amina\n+250 788 123 456"), new("content", "https://social.example/@x/1"),
        new("urgency", "today"), new("physicalDanger", "true"), new("contact", "none"), new("country", "RW"),
    ]);

    [GeneratedRegex("<output class=\"code\"[^>]*>([^<]+)</output>")]
    private static partial Regex ReceiptPattern();

    [Fact]
    public async Task A_report_gets_a_receipt_once_that_opens_its_status_and_thread_and_sets_no_cookie()
    {
        var client = Client();
        var form = await client.GetAsync(new Uri("/ar/incident", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.False(form.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-store", form.Headers.CacheControl?.ToString());
        var formHtml = await form.Content.ReadAsStringAsync();
        Assert.Contains("dir=\"rtl\"", formHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", formHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("__RequestVerificationToken", formHtml, StringComparison.Ordinal);

        var description = "incident-text-" + Guid.NewGuid().ToString("N");
        var sent = await client.PostAsync(new Uri("/ar/incident", UriKind.Relative), Report(description));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.False(sent.Headers.Contains("Set-Cookie"));
        var receipt = ReceiptPattern().Match(await sent.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Equal(7, receipt.Split(' ').Length);
        app.Logs?.Watch("receipt", receipt);
        app.Logs?.Watch("description", description);
        app.Logs?.Watch("user agent", UserAgent);
        app.Logs?.Watch("forwarded address", ForwardedFor);

        // Typed in capitals with odd spacing, the code still opens the report.
        var typed = "  " + receipt.ToUpperInvariant().Replace(" ", "   ", StringComparison.Ordinal) + " ";
        var status = await client.PostAsync(new Uri("/en/incident/status", UriKind.Relative), new FormUrlEncodedContent([new("code", typed)]));
        var statusHtml = await status.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("Received, waiting for a responder", statusHtml, StringComparison.Ordinal);
        Assert.Contains("No messages yet.", statusHtml, StringComparison.Ordinal);

        var message = "reporter-message-" + Guid.NewGuid().ToString("N");
        app.Logs?.Watch("message", message);
        var written = await client.PostAsync(new Uri("/en/incident/status", UriKind.Relative), new FormUrlEncodedContent([new("code", receipt), new("message", message)]));
        Assert.Contains(message, await written.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var wrong = await client.PostAsync(new Uri("/en/incident/status", UriKind.Relative), new FormUrlEncodedContent([new("code", "abacus abacus abacus abacus abacus abacus abacus")]));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.DoesNotContain(message, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Nothing of the reporter's connection, and none of their words, is stored in clear.
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["user agent"] = UserAgent, ["user agent token"] = "incident-ua-7f3c", ["forwarded address"] = ForwardedFor,
            ["description"] = description, ["message"] = message, ["receipt"] = receipt,
        };
        var hits = app.Engine == DatabaseEngine.Sqlite
            ? await SqliteHits(values)
            : await PlaintextScanner.ScanPostgres(app.ConnectionString, values);
        Assert.True(hits.Count == 0, string.Join("\n", hits));
        app.Logs?.AssertNoSecrets();
    }

    [Fact]
    public async Task A_post_from_another_site_is_refused_and_stores_nothing()
    {
        var before = await CountAsync();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var description = "forged-" + Guid.NewGuid().ToString("N");
        using var forged = new HttpRequestMessage(HttpMethod.Post, new Uri("/en/incident", UriKind.Relative)) { Content = Report(description) };
        forged.Headers.Add("Origin", "https://attacker.example");
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");
        var answer = await client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("only be sent from our own page", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var otherOrigin = new HttpRequestMessage(HttpMethod.Post, new Uri("/en/incident", UriKind.Relative)) { Content = Report(description) };
        otherOrigin.Headers.Add("Origin", "https://attacker.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(otherOrigin)).StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Every_public_language_links_the_incident_channel_from_the_home_page()
    {
        var client = Client();
        foreach (var lang in new[] { "en", "es", "fr", "ar", "ru", "tr", "fa", "zh-Hans" })
        {
            var home = await client.GetStringAsync(new Uri($"/{lang}/", UriKind.Relative));
            Assert.Contains($"href=\"/{lang}/incident\"", home, StringComparison.Ordinal);
        }
    }

    private Task<int> CountAsync() => app.InScope(async sp => await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RightsDeskDbContext>(sp).Incidents));

    private async Task<List<string>> SqliteHits(Dictionary<string, string> values)
    {
        await using (var conn = new Microsoft.Data.Sqlite.SqliteConnection(app.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync();
        }

        var hits = new List<string>();
        foreach (var file in Directory.GetFiles(app.Dir).Where(f => Path.GetFileName(f).StartsWith("rightsdesk.db", StringComparison.Ordinal)))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            hits.AddRange(PlaintextScanner.ScanBytes(Path.GetFileName(file), copy.ToArray(), values));
        }

        return hits;
    }
}

public sealed class SqliteIncidentChannelTests(SqliteLoggedDeskApp app) : IncidentChannelTests<SqliteLoggedDeskApp>(app);

public sealed class PostgresIncidentChannelTests(PostgresLoggedDeskApp app) : IncidentChannelTests<PostgresLoggedDeskApp>(app);
