using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Moderation;
using RightsDesk.Cli.Demo;
using RightsDesk.Core;
using RightsDesk.Core.Exports;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Exports;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Export;

/// <summary>
/// `rightsdesk export dsa` over the demo's decisions and a few crafted ones, on SQLite and PostgreSQL: the batch
/// files the Transparency Database would take, nothing in them that names a person or a post, the EEA filter, and
/// pseudonyms that survive a key rotation.
/// </summary>
public abstract class ExportDsaTests<TApp> : ExportTestBase<TApp> where TApp : DeskApp, new()
{
    [Fact]
    public async Task The_demo_exports_in_batches_of_at_most_100_without_personal_data_and_only_what_reaches_the_eea()
    {
        await SeedDemo();
        await Record(Decision("crafted-redact", """["DE"]""",
            "Case 2026/18342, heard 2026-02-19: the post gave the target's address jana.novak@example.org and phone +49 30 901820 and 030 9018 2000."));
        await Record(Decision("crafted-outside", """["TR"]""", "Blocked in Türkiye only, under Law 5651."));
        // 4,994 characters as sent; the redaction marks take the facts past the database's 5,000.
        await Record(Decision("crafted-toolong", """["AT"]""", new string('x', 4980) + " a@b.io a@b.io"));

        var dir = Out("dsa");
        var run = await Export(dir);
        Assert.True(run.ExitCode == 0, run.ToString());

        var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 1, run.ToString());
        Assert.Equal(Enumerable.Range(1, files.Count).Select(i => $"batch-{i:D5}.json"), files);
        var statements = Statements(dir);
        foreach (var f in Directory.GetFiles(dir))
        {
            Assert.InRange(JsonNode.Parse(File.ReadAllText(f))!["statements"]!.AsArray().Count, 1, 100);
        }

        Assert.Equal(statements.Count, Figure(run, "statements written"));
        Assert.Equal(files.Count, Figure(run, "batches"));
        Assert.All(statements, s => Assert.Empty(DsaStatementRules.Validate(s)));
        Assert.Equal(statements.Count, statements.Select(s => s["puid"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count());

        // Nothing that names a post or a person: not the platform's ids, not the accounts, not the notifier's address.
        var all = string.Concat(Directory.GetFiles(dir).Select(File.ReadAllText));
        Assert.DoesNotContain("demo-post-", all, StringComparison.Ordinal);
        Assert.DoesNotContain("crafted-", all, StringComparison.Ordinal);
        Assert.DoesNotContain("social.example", all, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", all, StringComparison.Ordinal);
        Assert.DoesNotContain("hateaid.example", all, StringComparison.Ordinal);
        Assert.DoesNotContain("901820", all, StringComparison.Ordinal);

        var redacted = statements.Single(s => s["puid"]!.GetValue<string>() == DsaStatement.Pseudonym(ExportKey, "crafted-redact"));
        var facts = redacted["decision_facts"]!.GetValue<string>();
        Assert.Equal("Case 2026/18342, heard 2026-02-19: the post gave the target's address [redacted: email] and phone [redacted: phone] and [redacted: phone].", facts);
        Assert.Equal("HateAid, desk [redacted: email]", redacted["source_identity"]!.GetValue<string>());
        Assert.Equal(2, Figure(run, "redacted emails"));
        Assert.Equal(2, Figure(run, "redacted phones"));

        // Outside the EEA: counted, never written.
        Assert.DoesNotContain(statements, s => s["puid"]!.GetValue<string>() == DsaStatement.Pseudonym(ExportKey, "crafted-outside"));
        var outside = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.CountAsync(r => !r.ReachesEea));
        Assert.True(outside > 1);
        Assert.Equal(outside, Figure(run, "skipped outside the EEA"));
        Assert.Equal(await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.CountAsync(r => r.ReachesEea)) - 1, statements.Count);
        Assert.Matches(@"statements per second\s+\d+", run.Output);

        // A statement the database would refuse is counted and named by its decision, never written.
        var tooLong = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.Where(r => r.Puid == "crafted-toolong").Select(r => r.Id).SingleAsync());
        Assert.Equal(1, Figure(run, "not written (would not validate)"));
        Assert.Contains($"not written: decision {tooLong}: decision_facts", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(statements, s => s["puid"]!.GetValue<string>() == DsaStatement.Pseudonym(ExportKey, "crafted-toolong"));

        // The read of the sealed decisions is in the ledger, with the counts.
        var fields = await app.InScope(async sp => JsonDocument.Parse((await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
            .SingleAsync(e => e.Code == (int)LedgerEventCode.DsaStatementsExported)).Data).RootElement.GetProperty("fields").Clone());
        Assert.Equal(statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), fields.GetProperty("statements").GetString());
        Assert.Equal("2", fields.GetProperty("emailsRedacted").GetString());
    }

    [Fact]
    public async Task Pseudonyms_stay_the_same_after_the_keys_are_rotated()
    {
        await Record(Decision("rotate-1", """["EEA"]""", "Removed after review."));
        await Record(Decision("rotate-2", """["GLOBAL"]""", "Removed after review."));
        var before = await Export(Out("before"));
        Assert.True(before.ExitCode == 0, before.ToString());
        var kekBefore = KeyRing.Read(app.KeyFile).CurrentId;

        var rotated = await RunCli(["keys", "rotate", .. Store(app)]);
        Assert.True(rotated.ExitCode == 0, rotated.ToString());
        Assert.NotEqual(kekBefore, KeyRing.Read(app.KeyFile).CurrentId);

        var after = await Export(Out("after"));
        Assert.True(after.ExitCode == 0, after.ToString());
        var puids = (string dir) => Statements(dir).Select(s => s["puid"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, puids(Out("before")).Count);
        Assert.Equal(puids(Out("before")), puids(Out("after")));
    }

    [Fact]
    public async Task A_directory_with_other_files_is_refused_and_a_bad_day_is_malformed()
    {
        var dir = Out("busy");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "notes.txt"), "mine");
        var run = await Export(dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("notes.txt", run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "notes.txt")));

        var bad = await RunCli(["export", "dsa", "--from", "01/02/2026", "--to", "2026-12-31", "--out", Out("x"), .. Store(app)]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("YYYY-MM-DD", bad.Error, StringComparison.Ordinal);
    }
}

public sealed class SqliteExportDsaTests : ExportDsaTests<SqliteDeskApp>;

public sealed class PostgresExportDsaTests : ExportDsaTests<PostgresDeskApp>;
