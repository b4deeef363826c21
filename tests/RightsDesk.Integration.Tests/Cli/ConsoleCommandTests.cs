using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Cli;

/// <summary>
/// The console commands that work on the store without a web host, as an operator runs them on a fresh machine: the
/// first administrator, tokens for a person and for a machine, an import; and the demo's seed, whose ledger verifies.
/// </summary>
public sealed class ConsoleCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rightsdesk-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task An_operator_starts_a_store_from_the_console_without_a_server()
    {
        Directory.CreateDirectory(_dir);
        var store = new[] { "--data-dir", _dir };
        var admin = await RunCli(["users", "add", "--email", "first-admin@example.org", "--role", "admin", .. store]);
        Assert.True(admin.ExitCode == 0, admin.ToString());
        Assert.Contains("/account/enrol?token=", admin.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "rightsdesk.db")));

        var reviewer = await RunCli(["users", "add", "--email", "reviewer@example.org", "--role", "legalReviewer", .. store]);
        Assert.True(reviewer.ExitCode == 0, reviewer.ToString());
        // A person's token needs a person who finished enrolment: refused, with the reason.
        var early = await RunCli(["tokens", "create", "--person", "reviewer@example.org", .. store]);
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("has not finished enrolment", early.Error, StringComparison.Ordinal);

        var neither = await RunCli(["tokens", "create", .. store]);
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("--person EMAIL", neither.Error, StringComparison.Ordinal);

        var machine = await RunCli(["tokens", "create", "--machine", "platform", .. store]);
        Assert.True(machine.ExitCode == 0, machine.ToString());
        Assert.Contains("for the platform system platform", machine.Output, StringComparison.Ordinal);
        Assert.Matches("rd_[0-9a-f]{8}_", machine.Output);

        // A trusted flagger entered as its coordinator published it: the token once, the registry by line.
        var badDate = await RunCli(["flaggers", "designate", "--organisation", "Hate Aid", "--coordinator-country", "DE", "--coordinator", "Bundesnetzagentur", "--designated", "18 June 2025", .. store]);
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("--designated must be a date", badDate.Error, StringComparison.Ordinal);
        var badCountry = await RunCli(["flaggers", "designate", "--organisation", "Hate Aid", "--coordinator-country", "Germany", "--coordinator", "Bundesnetzagentur", "--designated", "2025-06-18", .. store]);
        Assert.Equal(2, badCountry.ExitCode);
        Assert.Contains("--coordinator-country: ", badCountry.Error, StringComparison.Ordinal);
        var flagger = await RunCli(["flaggers", "designate", "--organisation", "Hate Aid", "--coordinator-country", "DE", "--coordinator", "Bundesnetzagentur", "--designated", "2025-06-18", .. store]);
        Assert.True(flagger.ExitCode == 0, flagger.ToString());
        Assert.Contains("Trusted flagger Hate Aid (Bundesnetzagentur, DE)", flagger.Output, StringComparison.Ordinal);
        Assert.Matches("rd_[0-9a-f]{8}_", flagger.Output);
        var flaggers = await RunCli(["flaggers", "list", .. store]);
        Assert.True(flaggers.ExitCode == 0, flaggers.ToString());
        Assert.Matches("\\tHate Aid\\tDE\\tBundesnetzagentur\\t2025-06-18", flaggers.Output);
        Assert.DoesNotMatch("rd_[0-9a-f]{8}_", flaggers.Output);

        var file = Path.Combine(_dir, "warrant.json");
        await File.WriteAllTextAsync(file, TestRepo.RawExample("01-us-search-warrant").Replace("\"portal\"", "\"post\"", StringComparison.Ordinal));
        var imported = await RunCli(["import", file, .. store]);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("warrant.json\t", imported.Output, StringComparison.Ordinal);
        var again = await RunCli(["import", file, .. store]);
        Assert.Contains("already imported", again.Output, StringComparison.Ordinal);

        // A call-back cannot come with an import: the console vouches for nobody. Nothing of the batch is stored.
        var vouched = Path.Combine(_dir, "vouched.json");
        await File.WriteAllTextAsync(vouched, TestRepo.Example("02-us-search-warrant-with-gag"));
        var refused = await RunCli(["import", file, vouched, .. store]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("vouched.json: authority.verification:", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", refused.Error, StringComparison.Ordinal);

        var verified = await RunCli(["ledger", "verify", .. store]);
        Assert.True(verified.ExitCode == 0, verified.ToString());
    }

    [Fact]
    public async Task The_demo_seeds_every_state_and_its_ledger_verifies()
    {
        var seeded = await RunCli(["demo", "--seed-only", "--data", _dir]);
        Assert.True(seeded.ExitCode == 0, seeded.ToString());
        Assert.Contains("RightsDesk demo: 53 demands", seeded.Output, StringComparison.Ordinal);
        Assert.Contains("alice-cli legalReviewer rd_", seeded.Output, StringComparison.Ordinal);
        // The portal: a verified official with recovery codes to try, and one reset and waiting for a call-back.
        Assert.Contains("dana.whitfield@newark.fbi.gov official (verified)", seeded.Output, StringComparison.Ordinal);
        Assert.Matches("recovery codes of dana.whitfield@newark.fbi.gov \\(type one in place of the code\\): ([a-z]+ ){4}[a-z]+;", seeded.Output);
        Assert.Contains("k.brandt@polizei.bund.de official (authenticator reset; the new link is in the demo mailbox)", seeded.Output, StringComparison.Ordinal);

        var verified = await RunCli(["ledger", "verify", "--data-dir", _dir]);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.EndsWith("\nvalid", verified.Output, StringComparison.Ordinal);

        // The demo published the current half-year's transparency report: asking again finds it unchanged.
        var now = DateTimeOffset.UtcNow;
        var period = $"{now.Year}-H{(now.Month <= 6 ? 1 : 2)}";
        var report = await RunCli(["report", "--period", period, "--out", Path.Combine(_dir, "report"), "--data-dir", _dir]);
        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Contains("version: 1 (unchanged", report.Output, StringComparison.Ordinal);

        // Lumen: the demo's takedowns include one with an e-mail and a phone to redact and one held by its gag.
        var lumen = await RunCli(["export", "lumen", "--from", "2020-01-01", "--to", "2030-12-31", "--out", Path.Combine(_dir, "lumen"), "--data-dir", _dir]);
        Assert.True(lumen.ExitCode == 0, lumen.ToString());
        Assert.Matches(@"redacted emails\s+[1-9]", lumen.Output);
        Assert.Matches(@"redacted phones\s+[1-9]", lumen.Output);
        Assert.Matches(@"skipped: non-disclosure order in force\s+1\b", lumen.Output);
        Assert.Contains("held: RD-", lumen.Output, StringComparison.Ordinal);

        // Published originals: the demo's regulator order shows every mark in the public tier, and its gagged court
        // order is held and counted.
        var originals = await RunCli(["publish", "takedowns", "--from", "2020-01-01", "--to", "2030-12-31", "--out", Path.Combine(_dir, "takedowns"), "--data-dir", _dir]);
        Assert.True(originals.ExitCode == 0, originals.ToString());
        foreach (var kind in new[] { "account", "email", "phone", "name", "official" })
        {
            Assert.Matches($@"redacted {kind}\s+[1-9]", originals.Output);
        }

        Assert.Matches(@"not published: non-disclosure order in force\s+1\b", originals.Output);
        Assert.True(File.Exists(Path.Combine(_dir, "takedowns", "DE", DateTimeOffset.UtcNow.AddDays(-20).Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "index.md")));
    }
}
