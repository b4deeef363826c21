using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Exports;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Export;

/// <summary>
/// `export dsa --submit` against a receiver that keeps the Transparency Database's rules, on SQLite and PostgreSQL:
/// every statement arrives once and is confirmed; a second run sends nothing; 429s and 500s are waited out; a run
/// that dies after the database stored a call (its answer lost) resumes without sending those puids again.
/// </summary>
public abstract class SubmitDsaTests<TApp> : ExportTestBase<TApp> where TApp : DeskApp, new()
{
    private Task<CliRun> Submit(TransparencyDatabaseReceiver receiver, string dir, string? token = null, params string[] more)
    {
        var tokenFile = Path.Combine(app.Dir, "tdb-token");
        File.WriteAllText(tokenFile, (token ?? TransparencyDatabaseReceiver.Token) + "\n");
        return Export(dir, ["--submit", receiver.Url.ToString(), "--token-file", tokenFile, "--retry-delay-ms", "10", .. more]);
    }

    private Task<List<DsaSubmissionRecord>> Rows() => app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().DsaSubmissions.AsNoTracking().ToListAsync());

    [Fact]
    public async Task Every_statement_arrives_once_is_confirmed_and_a_second_run_sends_nothing()
    {
        await SeedDemo();
        await using var receiver = await TransparencyDatabaseReceiver.StartAsync();
        var dir = Out("submit");
        var run = await Submit(receiver, dir);
        Assert.True(run.ExitCode == 0, run.ToString());

        var statements = Statements(dir);
        Assert.True(statements.Count > 100);
        Assert.Equal(statements.Select(s => s["puid"]!.GetValue<string>()).Order(StringComparer.Ordinal), receiver.Stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((statements.Count + 99) / 100, receiver.Posts);
        Assert.Equal(statements.Count, Figure(run, "submitted now"));
        Assert.Equal(statements.Count, Figure(run, "confirmed by lookup"));
        Assert.Equal(0, Figure(run, "still to send"));
        var rows = await Rows();
        Assert.Equal(statements.Count, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(DsaSubmissionState.Accepted, r.State);
            Assert.NotNull(r.ConfirmedAt);
            Assert.Equal(receiver.Stored[r.Puid]["uuid"]!.GetValue<string>(), r.Uuid);
            Assert.Equal(201, r.LastStatus);
        });

        var posts = receiver.Posts;
        var again = await Submit(receiver, dir);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(posts, receiver.Posts);
        Assert.Equal(0, Figure(again, "submitted now"));
        Assert.Equal(0, receiver.DuplicateRefusals);

        var events = await app.InScope(async sp => (await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
            .Where(e => e.Code == (int)LedgerEventCode.DsaSubmissionCompleted).OrderBy(e => e.Seq).ToListAsync())
            .Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("fields").Clone()).ToList());
        Assert.Equal(2, events.Count);
        Assert.Equal(statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), events[0].GetProperty("submitted").GetString());
        Assert.Equal("true", events[0].GetProperty("complete").GetString());
        Assert.Equal("0", events[1].GetProperty("submitted").GetString());
        Assert.DoesNotContain(statements[0]["puid"]!.GetValue<string>(), events[0].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_requests_and_server_errors_are_retried_with_backoff()
    {
        await Record(Decision("retry-1", """["DE"]""", "Removed."));
        await Record(Decision("retry-2", """["FR"]""", "Removed."));
        await using var receiver = await TransparencyDatabaseReceiver.StartAsync();
        receiver.Inject.Enqueue(HttpStatusCode.TooManyRequests);
        receiver.Inject.Enqueue(HttpStatusCode.InternalServerError);
        var run = await Submit(receiver, Out("retry"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, receiver.Posts);
        Assert.Equal(2, Figure(run, "retries"));
        Assert.Equal(2, receiver.Stored.Count);
        Assert.Equal(2, Figure(run, "confirmed by lookup"));
    }

    [Fact]
    public async Task A_run_whose_answer_was_lost_resumes_without_sending_a_puid_twice()
    {
        await SeedDemo();
        await using var receiver = await TransparencyDatabaseReceiver.StartAsync();
        // The second call is stored but answered 500, and the database stays down: the run gives up.
        receiver.BreakAtPost = 2;
        var dir = Out("resume");
        var first = await Submit(receiver, dir, null, "--max-attempts", "3");
        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Contains("run the same command again", first.Output, StringComparison.Ordinal);
        var statements = Statements(dir);
        Assert.True(statements.Count is > 100 and <= 200, "the demo makes two batches");
        // Both calls were stored; the client heard of the first only.
        Assert.Equal(statements.Count, receiver.Stored.Count);
        var lost = statements.Count - 100;
        Assert.Equal(lost, (await Rows()).Count(r => r.State == DsaSubmissionState.Sending));
        Assert.Equal(lost, Figure(first, "still to send"));
        var posts = receiver.Posts;

        receiver.BreakAtPost = null;
        var second = await Submit(receiver, dir);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(0, receiver.DuplicateRefusals);
        Assert.Equal(statements.Count, receiver.Stored.Count);
        Assert.Equal(lost, Figure(second, "already in the database"));
        Assert.Equal(0, Figure(second, "submitted now"));
        Assert.Equal(posts, receiver.Posts);
        Assert.Equal(statements.Count, Figure(second, "confirmed by lookup"));
        Assert.All(await Rows(), r => Assert.Equal(DsaSubmissionState.Accepted, r.State));
        var ledger = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
            .Where(e => e.Code == (int)LedgerEventCode.DsaSubmissionCompleted).OrderBy(e => e.Seq).Select(e => e.Data).ToListAsync());
        Assert.Contains("\"complete\":\"false\"", ledger[0], StringComparison.Ordinal);
        Assert.Contains("\"complete\":\"true\"", ledger[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_stops_the_run_with_a_message()
    {
        await Record(Decision("token-1", """["DE"]""", "Removed."));
        await using var receiver = await TransparencyDatabaseReceiver.StartAsync();
        var run = await Submit(receiver, Out("token"), "not-the-token");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("token", run.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Stored);
        Assert.DoesNotContain("not-the-token", run.Output + run.Error, StringComparison.Ordinal);
    }
}

public sealed class SqliteSubmitDsaTests : SubmitDsaTests<SqliteDeskApp>;

public sealed class PostgresSubmitDsaTests : SubmitDsaTests<PostgresDeskApp>;
