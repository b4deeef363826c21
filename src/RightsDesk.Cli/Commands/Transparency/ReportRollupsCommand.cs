using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Transparency.Rollups;

namespace RightsDesk.Cli.Commands.Transparency;

/// <summary>
/// <c>rightsdesk report rollups [--rebuild] [--check]</c>: the moderation rollup the half-year report reads.
/// <c>--rebuild</c> replaces it by a recount of the stored decisions (after a bulk load or a restore, or to repair it);
/// <c>--check</c> (also the default, and run after a rebuild) recounts the decisions and prints <c>pass rollups: ...</c>
/// or <c>FAIL rollups: ...</c> naming the first tuples that differ. Exit 0 consistent, 1 a difference, 2 cannot run.
/// </summary>
public static class ReportRollupsCommand
{
    private const int Shown = 5;

    public static Command Create()
    {
        var store = new StoreOptions();
        var rebuild = new Option<bool>("--rebuild") { Description = "Replace the rollup by a recount of the stored decisions." };
        var check = new Option<bool>("--check") { Description = "Recount the stored decisions and compare them with the rollup (the default)." };
        var command = new Command("rollups", "Rebuild or check the rollup of moderation decisions per day the transparency report reads.");
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
                if (parse.GetValue(rebuild))
                {
                    var rows = await rollups.RebuildAsync(ct);
                    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rebuilt: {rows} rows (day x category, ground, source, automation, rung, state)"));
                }

                var differ = await rollups.CheckAsync(ct);
                if (differ.Count == 0)
                {
                    await stdout.WriteLineAsync("pass rollups: the rollup equals a recount of the stored decisions");
                    return 0;
                }

                var some = string.Join("; ", differ.Take(Shown).Select(d => string.Create(CultureInfo.InvariantCulture,
                    $"{d.Key.Day:yyyy-MM-dd} {d.Key.Category} {d.Key.Ground} {d.Key.Source} {d.Key.Automated} {d.Key.Rung} {d.Key.State}: {d.InRollup} in the rollup, {d.Recounted} stored")));
                await stdout.WriteLineAsync($"FAIL rollups: {differ.Count} tuples differ from a recount ({some}{(differ.Count > Shown ? "; ..." : "")}): run `report rollups --rebuild`");
                return 1;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or DbException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
