using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>
/// `rightsdesk keys rotate` against a running server: data written before is still readable through the API after
/// (the server picks up the new KEK without a restart), nothing stays under the old KEK, `--retire` removes it, and
/// the old KEK alone opens nothing. Each case gets a fresh database, on SQLite and on PostgreSQL.
/// </summary>
public abstract class KeyRotationTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private const string DocumentText = "Original warrant, scanned.";
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task Rotation_rewraps_every_data_key_while_the_server_runs_and_retire_removes_the_old_key()
    {
        var demandId = await CreateActivity(app);
        var documentId = await AttachDocument(demandId);
        var person = await PageSession.CreatePersonAsync(app, "rotation-" + Guid.NewGuid().ToString("N")[..8] + "@desk.example", Roles.LegalReviewer);
        // A session open across the rotation: its stored ticket is re-wrapped like the rest and keeps working.
        using var open = new PageSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await open.SignInAsync(person)).StatusCode);
        var oldRing = KeyRing.Read(app.KeyFile);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(Roles.LegalReviewer)).GetAsync($"/api/v1/demands/{demandId}")).StatusCode);

        var rotated = await RunCli(["keys", "rotate", .. Store(app)]);
        Assert.True(rotated.ExitCode == 0, rotated.ToString());
        var ring = KeyRing.Read(app.KeyFile);
        Assert.NotEqual(oldRing.CurrentId, ring.CurrentId);
        Assert.Equal(new[] { oldRing.CurrentId, ring.CurrentId }.Order(StringComparer.Ordinal), ring.KeyIds.Order(StringComparer.Ordinal));
        Assert.Equal(oldRing.SigningKey.KeyId, ring.SigningKey.KeyId);
        Assert.Contains($"new key {ring.CurrentId} is current", rotated.Output, StringComparison.Ordinal);
        Assert.Contains("demands: 1 re-wrapped", rotated.Output, StringComparison.Ordinal);
        Assert.Contains("documents: 1 re-wrapped", rotated.Output, StringComparison.Ordinal);
        Assert.Contains("at_risk_people: 1 re-wrapped", rotated.Output, StringComparison.Ordinal);
        // One authenticator secret per person: the desk person signed in here, and the people behind the API tokens.
        var secrets = 0;
        await app.InScope(async sp => secrets = await sp.GetRequiredService<RightsDeskDbContext>().UserTokens.CountAsync());
        Assert.Contains($"AspNetUserTokens: {secrets} re-wrapped", rotated.Output, StringComparison.Ordinal);
        Assert.Contains("sessions: 1 re-wrapped", rotated.Output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(app.KeyFile));
        }

        Assert.Empty(await NotUnder(ring.CurrentId));
        Assert.NotEmpty(await WrappedKeys());
        await ReadEverythingThroughTheApi(demandId, documentId);

        var retired = await RunCli(["keys", "rotate", "--retire", .. Store(app)]);
        Assert.True(retired.ExitCode == 0, retired.ToString());
        Assert.Contains($"retired {oldRing.CurrentId}", retired.Output, StringComparison.Ordinal);
        Assert.Equal([ring.CurrentId], KeyRing.Read(app.KeyFile).KeyIds);
        await ReadEverythingThroughTheApi(demandId, documentId);
        await open.GetAsync("/desk");

        // The authenticator secret moved with the other keys: the person still signs in with their app's code.
        using (var session = new PageSession(app))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(person)).StatusCode);
        }

        // The old KEK alone, as a stolen old key file would have it, opens no data key any more.
        var oldOnly = new FieldCipher(oldRing);
        foreach (var wrapped in await WrappedKeys())
        {
            Assert.Throws<CryptographicException>(() => oldOnly.Unwrap(wrapped));
        }

        // Both steps are in the ledger, which still verifies.
        await app.InScope(async sp =>
        {
            var steps = await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
                .Where(e => e.Code == (int)LedgerEventCode.KeysRotated).OrderBy(e => e.Seq).Select(e => e.Data).ToListAsync();
            Assert.Collection(steps,
                s => Assert.Contains("\"step\":\"rotate\"", s, StringComparison.Ordinal),
                s => Assert.Contains($"\"retired\":\"{oldRing.CurrentId}\"", s, StringComparison.Ordinal));
        });
        Assert.Equal(0, (await Verify(app)).ExitCode);

        var again = await RunCli(["keys", "rotate", "--retire", .. Store(app)]);
        Assert.Equal((0, $"nothing to retire: the key file holds only the current key {ring.CurrentId}"), (again.ExitCode, again.Output));
    }

    [Fact]
    public async Task Retire_rewraps_what_a_server_wrapped_under_the_old_key_and_refuses_while_any_cannot_be()
    {
        var demandId = await CreateActivity(app);
        var before = await WrappedKeyOfDemand(demandId);
        Assert.Equal(0, (await RunCli(["keys", "rotate", .. Store(app)])).ExitCode);
        var ring = KeyRing.Read(app.KeyFile);
        var old = FieldCipher.WrappedUnder(before);

        // As a node that had not yet re-read the key file would have written it: under the old KEK.
        await SetWrappedKeyOfDemand(demandId, before);
        var retired = await RunCli(["keys", "rotate", "--retire", .. Store(app)]);
        Assert.True(retired.ExitCode == 0, retired.ToString());
        Assert.Contains("demands: 1 re-wrapped", retired.Output, StringComparison.Ordinal);
        Assert.Equal(ring.CurrentId, FieldCipher.WrappedUnder(await WrappedKeyOfDemand(demandId)));

        // A data key that no key in the ring opens cannot be moved: retiring is refused and nothing is removed.
        var damaged = await WrappedKeyOfDemand(demandId);
        Assert.Equal(0, (await RunCli(["keys", "rotate", .. Store(app)])).ExitCode);
        var newer = KeyRing.Read(app.KeyFile);
        damaged[^1] ^= 0x01;
        await SetWrappedKeyOfDemand(demandId, damaged);
        var refused = await RunCli(["keys", "rotate", "--retire", .. Store(app)]);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("1 could not be opened", refused.Output, StringComparison.Ordinal);
        Assert.Contains($"refused: data keys are still wrapped under other keys", refused.Output, StringComparison.Ordinal);
        Assert.Contains($"demands: 1 under {ring.CurrentId}", refused.Output, StringComparison.Ordinal);
        Assert.Equal(newer.KeyIds.Order(StringComparer.Ordinal), KeyRing.Read(app.KeyFile).KeyIds.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(old, newer.KeyIds);
    }

    [Fact]
    public async Task Rotation_is_refused_without_a_key_file()
    {
        var missing = await RunCli(["keys", "rotate", .. Store(app)[..4], "--key-file", Path.Combine(app.Dir, "absent.json")]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("There is no key file at", missing.Error, StringComparison.Ordinal);
    }

    private async Task ReadEverythingThroughTheApi(string demandId, Guid documentId)
    {
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        var demand = await reviewer.GetAsync($"/api/v1/demands/{demandId}");
        Assert.Equal(HttpStatusCode.OK, demand.StatusCode);
        Assert.Contains("acct-ledger-", await demand.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var document = await reviewer.GetAsync($"/api/v1/demands/{demandId}/documents/{documentId}");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(DocumentText, await document.Content.ReadAsStringAsync());
        // The registry is read on the desk (no token reads it): read it the way the desk page does.
        IReadOnlyList<string> listed = [];
        await app.InScope(async sp => listed = (await sp.GetRequiredService<Application.Defenders.AtRiskRegistry>()
            .ListAsync(Core.Cases.Viewer.For(Core.Cases.Actor.Person("key-rotation-test", "key-rotation-test"), Roles.HumanRightsLead, viaToken: false), 0, 100, default))
            .SelectMany(e => e.Identifiers).Select(i => i.Value).ToList());
        Assert.Contains(listed, i => i.StartsWith("@hrd-", StringComparison.Ordinal));
    }

    private async Task<Guid> AttachDocument(string demandId)
    {
        var intake = await app.ClientFor(Roles.Intake);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(DocumentText));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "document", "warrant.txt");
        Assert.Equal(HttpStatusCode.Created, (await intake.PostAsync($"/api/v1/demands/{demandId}/documents", form)).StatusCode);
        var id = Guid.Empty;
        await app.InScope(async sp => id = await sp.GetRequiredService<RightsDeskDbContext>().Documents
            .Where(d => d.DemandId == Guid.Parse(demandId)).Select(d => d.Id).SingleAsync());
        return id;
    }

    private async Task<IReadOnlyList<WrappedUnderCount>> NotUnder(string keyId)
    {
        IReadOnlyList<WrappedUnderCount> left = [];
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            left = await new KeyRotation(db, sp.GetRequiredService<FieldCipher>()).CountNotUnderAsync(keyId, default);
        });
        return left;
    }

    /// <summary>Every wrapped data key in every table that has one.</summary>
    private async Task<List<byte[]>> WrappedKeys()
    {
        var all = new List<byte[]>();
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            all.AddRange(await db.Demands.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.Documents.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.AtRiskPeople.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.Outbox.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.Officials.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.Clarifications.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.Sessions.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.ModerationDecisions.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.ModerationStatements.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.ImpactConsultations.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.Appeals.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.Incidents.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.PartnerApplications.Select(x => x.WrappedKey).ToListAsync());
            all.AddRange(await db.IllegalContentNotices.Select(x => x.WrappedKey).ToListAsync());
            Assert.Equal(16, KeyRotation.Tables(db).Count);
        });
        return all;
    }

    private async Task<byte[]> WrappedKeyOfDemand(string demandId)
    {
        byte[] wrapped = [];
        await app.InScope(async sp => wrapped = await sp.GetRequiredService<RightsDeskDbContext>().Demands
            .Where(d => d.Id == Guid.Parse(demandId)).Select(d => d.WrappedKey).SingleAsync());
        return wrapped;
    }

    private async Task SetWrappedKeyOfDemand(string demandId, byte[] wrapped) =>
        await app.InScope(async sp => Assert.Equal(1, await sp.GetRequiredService<RightsDeskDbContext>().Demands
            .Where(d => d.Id == Guid.Parse(demandId)).ExecuteUpdateAsync(s => s.SetProperty(d => d.WrappedKey, wrapped))));
}

public sealed class SqliteKeyRotationTests : KeyRotationTests<SqliteDeskApp>;

public sealed class PostgresKeyRotationTests : KeyRotationTests<PostgresDeskApp>;
