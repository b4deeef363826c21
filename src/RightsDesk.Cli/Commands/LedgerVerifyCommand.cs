using System.CommandLine;
using System.Data.Common;
using System.Security.Cryptography;
using RightsDesk.Core.Ledger;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using Spectre.Console;

namespace RightsDesk.Cli.Commands;

/// <summary>
/// <c>rightsdesk ledger verify</c>: re-checks the stored ledger from its rows (see <see cref="LedgerAudit"/>).
/// Exit codes follow the proof commands: 0 and <c>valid</c> after a summary; 1 and <c>invalid: what, where</c> at the
/// first problem; 2 and a message on standard error when it cannot run (no database, bad key, bad option).
/// </summary>
public static class LedgerVerifyCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var publicKeys = new Option<FileInfo[]>("--public-key")
        {
            Description = "A PEM public key (GET /api/v1/ledger/public-key) tree heads may be signed with; repeatable. " +
                "When given, the key file is not read: an auditor needs only the database and the published key.",
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Events read per query (1-100000).",
            DefaultValueFactory = _ => LedgerAudit.DefaultBatchSize,
        };
        var command = new Command("verify", "Re-check the whole stored ledger: each event against its columns and leaf hash, no gaps, every tree head's root and signature.");
        store.AddTo(command);
        command.Options.Add(publicKeys);
        command.Options.Add(batchSize);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var batch = parse.GetValue(batchSize);
            if (batch is < 1 or > 100_000)
            {
                await error.WriteLineAsync("error: --batch-size must be between 1 and 100000.");
                return LedgerProofCommands.Malformed;
            }

            var keys = new List<ECDsa>();
            try
            {
                var settings = store.Resolve(parse);
                var note = LoadKeys(parse.GetValue(publicKeys) ?? [], settings.KeyFile, keys);
                if (note is not null)
                {
                    await error.WriteLineAsync(note);
                }

                await using var db = DataServices.CreateContext(settings.Database);
                var audit = new LedgerAudit(db, keys, batch);
                var report = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
                    ? await WithProgressBar(audit, ct)
                    : await audit.RunAsync(null, ct);
                if (!report.IsValid)
                {
                    await output.WriteLineAsync($"invalid: {report.Problem}");
                    return LedgerProofCommands.Invalid;
                }

                await output.WriteLineAsync($"events checked: {report.EventsChecked}");
                await output.WriteLineAsync($"tree heads checked: {report.TreeHeadsChecked}");
                await output.WriteLineAsync($"root at size {report.EventsChecked}: {HashText.ToHex(report.RootHash)}");
                await output.WriteLineAsync("valid");
                return LedgerProofCommands.Valid;
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException or UnauthorizedAccessException or DbException)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return LedgerProofCommands.Malformed;
            }
            finally
            {
                keys.ForEach(k => k.Dispose());
            }
        });
        return command;
    }

    /// <summary>The keys given with --public-key, else the key file's signing key; a note when heads will not be
    /// checkable.</summary>
    internal static string? LoadKeys(FileInfo[] files, string keyFile, List<ECDsa> keys)
    {
        foreach (var file in files)
        {
            try
            {
                keys.Add(TreeHeadSigner.ImportPublicKeyPem(File.ReadAllText(file.FullName)));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{file.Name}: {ex.Message}", ex);
            }
        }

        if (files.Length > 0)
        {
            return null;
        }

        if (!KeyRing.FromEnvironment && !File.Exists(keyFile))
        {
            return $"note: no key file at {keyFile} and no --public-key: tree heads cannot be checked.";
        }

        var ring = KeyRing.Read(keyFile);
        if (!ring.HasSigningKey)
        {
            return "note: the key file has no signing key yet: tree heads cannot be checked; give --public-key.";
        }

        keys.Add(ring.SigningKey.ExportPublicKey());
        return null;
    }

    private static async Task<LedgerAuditReport> WithProgressBar(LedgerAudit audit, CancellationToken ct) =>
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("Checking the ledger");
            return await audit.RunAsync(new BarProgress(task), ct);
        });

    /// <summary>Moves the bar in the caller's thread; <see cref="Progress{T}"/> would post each report elsewhere.</summary>
    private sealed class BarProgress(ProgressTask task) : IProgress<(long Checked, long Total)>
    {
        public void Report((long Checked, long Total) value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Checked;
        }
    }
}
