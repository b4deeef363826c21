using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Cli.Commands;

/// <summary>
/// <c>rightsdesk keys rotate [--retire]</c>: a new key encryption key without downtime. First the new KEK is written
/// to the key file as current (the old ones stay), then every data key is re-wrapped under it in short transactions.
/// Running servers keep working throughout: they re-read the key file when a data key names a KEK they do not know,
/// and notice the new current KEK within <see cref="KeyStore.DefaultRefreshInterval"/>. Later, <c>--retire</c>
/// re-wraps anything a server wrapped under an old KEK in that window and drops the old KEKs, refusing while any data
/// key is still under one.
/// </summary>
/// <remarks>Exit 0 when done; 1 when refused (data keys left under an old KEK); 2 when it cannot run.</remarks>
public static class KeyCommands
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var retire = new Option<bool>("--retire")
        {
            Description = "Instead of making a new key: re-wrap anything still under an older key, then remove the older keys from the key file.",
        };
        var batchSize = new Option<int>("--batch-size") { Description = "Rows per transaction (1-10000).", DefaultValueFactory = _ => 500 };
        var rotate = new Command("rotate", "Make a new key encryption key current and re-wrap every data key under it; --retire drops the old ones.");
        store.AddTo(rotate);
        rotate.Options.Add(retire);
        rotate.Options.Add(batchSize);
        rotate.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var batch = parse.GetValue(batchSize);
            if (batch is < 1 or > 10_000)
            {
                await error.WriteLineAsync("error: --batch-size must be between 1 and 10000.");
                return 2;
            }

            try
            {
                var settings = store.Resolve(parse);
                if (KeyRing.FromEnvironment)
                {
                    throw new InvalidOperationException(
                        $"The keys come from ${KeyRing.EnvironmentVariable}, which this command cannot rewrite. Keep them in a key file (RightsDesk:KeyFile) to rotate them here.");
                }

                if (!File.Exists(settings.KeyFile))
                {
                    throw new InvalidOperationException($"There is no key file at {settings.KeyFile}: give --key-file or --data-dir.");
                }

                await using var db = DataServices.CreateContext(settings.Database);
                return parse.GetValue(retire)
                    ? await RetireAsync(db, settings.KeyFile, batch, output, ct)
                    : await RotateAsync(db, settings.KeyFile, batch, output, ct);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or DbException)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return 2;
            }
        });

        return new Command("keys", "The key encryption keys in the key file.") { rotate };
    }

    private static async Task<int> RotateAsync(RightsDeskDbContext db, string keyFile, int batch, TextWriter output, CancellationToken ct)
    {
        // The file first: from here on a server that meets a re-wrapped data key finds its KEK there.
        var ring = KeyRing.Update(keyFile, r => r?.WithNewCurrent() ?? throw new InvalidOperationException($"The key file {keyFile} disappeared."));
        var older = ring.KeyIds.Where(id => id != ring.CurrentId).Order(StringComparer.Ordinal).ToList();
        await output.WriteLineAsync($"new key {ring.CurrentId} is current; older keys kept for now: {string.Join(", ", older)}");

        var counts = await new KeyRotation(db, new FieldCipher(ring), batch).RewrapAsync(ct);
        await Report(counts, output);
        await Record(db, new KeysRotated(ring.CurrentId, older, counts.Sum(c => c.Rewrapped), counts.Sum(c => c.Unreadable)), ct);

        if (counts.Sum(c => c.Unreadable) > 0)
        {
            await output.WriteLineAsync("some data keys could not be opened with any key in the key file (see above); they stay as they were.");
            return 1;
        }

        await output.WriteLineAsync(
            $"Once every app node has re-read the key file (each does within {KeyStore.DefaultRefreshInterval.TotalSeconds:0} seconds), run `rightsdesk keys rotate --retire` to remove the older keys.");
        return 0;
    }

    private static async Task<int> RetireAsync(RightsDeskDbContext db, string keyFile, int batch, TextWriter output, CancellationToken ct)
    {
        var ring = KeyRing.Read(keyFile);
        var older = ring.KeyIds.Where(id => id != ring.CurrentId).Order(StringComparer.Ordinal).ToList();
        if (older.Count == 0)
        {
            await output.WriteLineAsync($"nothing to retire: the key file holds only the current key {ring.CurrentId}");
            return 0;
        }

        // A server that had not yet seen the new key may have wrapped a few data keys under an old one since.
        var rotation = new KeyRotation(db, new FieldCipher(ring), batch);
        await Report(await rotation.RewrapAsync(ct), output);
        if (await Remaining(rotation, ring.CurrentId, output, ct))
        {
            return 1;
        }

        KeyRing.Update(keyFile, r => r?.CurrentId == ring.CurrentId
            ? r.WithoutRetired()
            : throw new InvalidOperationException($"The key file changed while retiring (its current key is no longer {ring.CurrentId}); run the command again."));

        // Checked again after the file changed: a data key wrapped under an old KEK in between would otherwise be lost.
        if (await Remaining(rotation, ring.CurrentId, output, ct))
        {
            KeyRing.Update(keyFile, _ => ring);
            await output.WriteLineAsync("the older keys were put back in the key file.");
            return 1;
        }

        await Record(db, new KeysRetired(ring.CurrentId, older), ct);
        await output.WriteLineAsync($"retired {string.Join(", ", older)}; the key file now holds only {ring.CurrentId}");
        return 0;
    }

    /// <summary>Reports data keys still under another KEK than <paramref name="current"/>; true if there are any.</summary>
    private static async Task<bool> Remaining(KeyRotation rotation, string current, TextWriter output, CancellationToken ct)
    {
        var left = await rotation.CountNotUnderAsync(current, ct);
        if (left.Count == 0)
        {
            return false;
        }

        await output.WriteLineAsync("refused: data keys are still wrapped under other keys than the current one, so none is removed:");
        foreach (var c in left)
        {
            await output.WriteLineAsync($"  {c.Table}: {c.Count} under {c.KeyId}");
        }

        return true;
    }

    private static async Task Report(IReadOnlyList<RewrapCount> counts, TextWriter output)
    {
        foreach (var c in counts)
        {
            var extra = (c.Unreadable > 0 ? $", {c.Unreadable} could not be opened" : "") + (c.Changed > 0 ? $", {c.Changed} changed meanwhile" : "");
            await output.WriteLineAsync($"  {c.Table}: {c.Rewrapped} re-wrapped{extra}");
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "The key commands run without a container: the operator's rotation is recorded at the real time it happened.")]
    private static async Task Record(RightsDeskDbContext db, ILedgerEvent e, CancellationToken ct)
    {
        var ledger = new LedgerWriter(db, TimeProvider.System);
        ledger.Record(e, "console:" + Environment.UserName, null);
        await ledger.SaveAsync(ct);
    }
}
