using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Transparency.Rollups;

namespace RightsDesk.Cli.Commands.Transparency;

/// <summary>
/// <c>rightsdesk report rollups [--rebuild] [--check]</c>: the rollups the half-year report reads, the moderation
/// decisions' counts per day and tuple and the demand cases' report records.
/// <c>--rebuild</c> replaces both by a recount of the stored decisions and cases (after a bulk load or a restore, or to
/// repair them); <c>--check</c> (also the default, and run after a rebuild) recounts them and prints
/// <c>pass rollups: ...</c> / <c>pass demand rollups: ...</c> or <c>FAIL ...</c> naming the first tuples or cases that
/// differ. Exit 0 consistent, 1 a difference, 2 cannot run.
/// </summary>
public static class ReportRollupsCommand
{
    private const int Shown = 5;

    public static Command Create()
    {
        var store = new StoreOptions();
        var rebuild = new Option<bool>("--rebuild") { Description = "Replace the rollups by a recount of the stored decisions and demand cases." };
        var check = new Option<bool>("--check") { Description = "Recount the stored decisions and demand cases and compare them with the rollups (the default)." };
        var command = new Command("rollups", "Rebuild or check the rollups of moderation decisions per day and of demand cases the transparency report reads.");
        store.AddTo(command);
        command.Options.Add(rebuild);
        command.Options.Add(check);
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            try
            {
                await using var provider = await CliStore.OpenAsync(store.Resolve(parse), ct);
                await using var scope = provider.CreateAsyncScope();
                var rollups = scope.ServiceProvider.GetRequiredService<ModerationRollupStore>();
                var demands = scope.ServiceProvider.GetRequiredService<DemandRollupStore>();
                if (parse.GetValue(rebuild))
                {
                    var rows = await rollups.RebuildAsync(ct);
                    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rebuilt: {rows} rows (day x category, ground, source, automation, rung, state)"));
                    var cases = await demands.RebuildAsync(ct);
                    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rebuilt: {cases} demand rows (one a case)"));
                }

                var moderation = await CheckModerationAsync(rollups, stdout, ct);
                var demand = await CheckDemandsAsync(demands, stdout, ct);
                return moderation && demand ? 0 : 1;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or DbException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static async Task<bool> CheckModerationAsync(ModerationRollupStore rollups, TextWriter stdout, CancellationToken ct)
    {
        var differ = await rollups.CheckAsync(ct);
        if (differ.Count == 0)
        {
            await stdout.WriteLineAsync("pass rollups: the rollup equals a recount of the stored decisions");
            return true;
        }

        var some = string.Join("; ", differ.Take(Shown).Select(d => string.Create(CultureInfo.InvariantCulture,
            $"{d.Key.Day:yyyy-MM-dd} {d.Key.Category} {d.Key.Ground} {d.Key.Source} {d.Key.Automated} {d.Key.Rung} {d.Key.State}: {d.InRollup} in the rollup, {d.Recounted} stored")));
        await stdout.WriteLineAsync($"FAIL rollups: {differ.Count} tuples differ from a recount ({some}{(differ.Count > Shown ? "; ..." : "")}): run `report rollups --rebuild`");
        return false;
    }

    private static async Task<bool> CheckDemandsAsync(DemandRollupStore rollups, TextWriter stdout, CancellationToken ct)
    {
        var differ = await rollups.CheckAsync(ct);
        if (differ.Count == 0)
        {
            await stdout.WriteLineAsync("pass demand rollups: every case's row equals its record recomputed from the case");
            return true;
        }

        var some = string.Join("; ", differ.Take(Shown).Select(d => $"demand {d.DemandId}: {d.What}"));
        await stdout.WriteLineAsync($"FAIL demand rollups: {differ.Count} cases differ from a recount ({some}{(differ.Count > Shown ? "; ..." : "")}): run `report rollups --rebuild`");
        return false;
    }
}
