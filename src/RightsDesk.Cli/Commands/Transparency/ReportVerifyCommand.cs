using System.CommandLine;
using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Transparency.Verification;
using RightsDesk.Core.Ledger;

namespace RightsDesk.Cli.Commands.Transparency;

/// <summary>
/// <c>rightsdesk report verify DIR</c>: checks a published report version (its directory or its manifest.json) and
/// prints each check as <c>pass NAME: what was found</c> or <c>FAIL NAME: what is wrong and what it means</c>, then
/// <c>verified</c> or <c>not verified: N of M checks failed</c>. With <c>--offline</c> it reads the files and the
/// public key only; otherwise it also opens the store (an auditor's access) and checks the ledger and the records.
/// Exit codes follow `ledger verify`: 0 verified, 1 a check failed, 2 it could not run.
/// </summary>
public static class ReportVerifyCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var path = new Argument<string>("DIR") { Description = "The report version's directory (as `rightsdesk report --out` wrote it) or its manifest.json." };
        var offline = new Option<bool>("--offline") { Description = "Check the files and the tree head's signature only, without a database (what anyone holding the files and the public key can check)." };
        var publicKeys = new Option<FileInfo[]>("--public-key")
        {
            Description = "A PEM public key (GET /api/v1/ledger/public-key) tree heads may be signed with; repeatable. Without it the key file's signing key is used.",
        };
        var command = new Command("verify", "Verify a published report: the files' hashes, the tree head and its signature, consistency and inclusion in the ledger, and every figure recomputed from the records.");
        command.Arguments.Add(path);
        store.AddTo(command);
        command.Options.Add(offline);
        command.Options.Add(publicKeys);
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var keys = new List<ECDsa>();
            try
            {
                var files = parse.GetValue(publicKeys) ?? [];
                var target = parse.GetValue(path)!;
                List<ReportCheck> checks;
                if (parse.GetValue(offline))
                {
                    // From the files alone: no store is opened, so the key can only come from --public-key.
                    foreach (var file in files)
                    {
                        keys.Add(TreeHeadSigner.ImportPublicKeyPem(await File.ReadAllTextAsync(file.FullName, ct)));
                    }

                    checks = VerifyReport.Offline(target, keys);
                }
                else
                {
                    var settings = store.Resolve(parse);
                    if (LedgerVerifyCommand.LoadKeys(files, settings.KeyFile, keys) is { } note)
                    {
                        await stderr.WriteLineAsync(note);
                    }

                    await using var provider = await CliStore.OpenAsync(settings, ct);
                    await using var scope = provider.CreateAsyncScope();
                    checks = await scope.ServiceProvider.GetRequiredService<VerifyReport>().RunAsync(target, keys, ct);
                }

                foreach (var check in checks)
                {
                    await stdout.WriteLineAsync($"{(check.Passed ? "pass" : "FAIL")} {check.Name}: {check.Detail}");
                }

                var failed = checks.Count(c => !c.Passed);
                await stdout.WriteLineAsync(failed == 0 ? "verified" : $"not verified: {failed} of {checks.Count} checks failed");
                return failed == 0 ? LedgerProofCommands.Valid : LedgerProofCommands.Invalid;
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException or UnauthorizedAccessException or DbException)
            {
                await stderr.WriteLineAsync($"error: {ex.Message}");
                return LedgerProofCommands.Malformed;
            }
            finally
            {
                keys.ForEach(k => k.Dispose());
            }
        });
        return command;
    }
}
