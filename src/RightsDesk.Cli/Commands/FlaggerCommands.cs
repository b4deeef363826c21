using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core;
using RightsDesk.Web.IllegalContentNotices;

namespace RightsDesk.Cli.Commands;

/// <summary>
/// `rightsdesk flaggers designate|list`: the registry of trusted flaggers (DSA Art. 22) kept at the console. A
/// designation comes from a Digital Services Coordinator, not from the desk, so the operator enters it as published
/// and hands the organisation the machine token it sends notices with; the token is printed once.
/// </summary>
public static class FlaggerCommands
{
    /// <summary>A flagger's token lasts a year: designations are reviewed by the coordinators at least that often.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(366);

    public static Command Create()
    {
        var organisation = new Option<string>("--organisation") { Description = "The designated organisation's name.", Required = true };
        var country = new Option<string>("--coordinator-country") { Description = "The coordinator's member state (ISO 3166-1 alpha-2).", Required = true };
        var coordinator = new Option<string>("--coordinator") { Description = "The Digital Services Coordinator that designated it.", Required = true };
        var designated = new Option<string>("--designated") { Description = "The date of the designation (YYYY-MM-DD).", Required = true };
        var store = new StoreOptions();
        var designate = new Command("designate", "Enter a trusted flagger's designation and print its machine token once.") { organisation, country, coordinator, designated };
        store.AddTo(designate);
        designate.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!DateOnly.TryParseExact(parse.GetValue(designated), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            {
                await error.WriteLineAsync("--designated must be a date as YYYY-MM-DD.");
                return 2;
            }

            await using var services = await Open(parse, store, ct);
            if (services is null)
            {
                return 2;
            }

            await using var scope = services.CreateAsyncScope();
            DesignatedFlagger made;
            try
            {
                made = await scope.ServiceProvider.GetRequiredService<TrustedFlaggerRegistry>().DesignateAsync(
                    parse.GetValue(organisation)!, parse.GetValue(country)!, parse.GetValue(coordinator)!, on, Lifetime, CliStore.Operator.LedgerName, ct);
            }
            catch (ValidationFailedException ex)
            {
                foreach (var e in ex.Errors)
                {
                    await error.WriteLineAsync($"--{(e.Field == "country" ? "coordinator-country" : e.Field)}: {e.Message}");
                }

                return 2;
            }

            var o = parse.InvocationConfiguration.Output;
            await o.WriteLineAsync($"Trusted flagger {made.Organisation} ({made.Coordinator}, {made.Country}) registered as {made.Id}; its token {made.TokenPrefix}:");
            await o.WriteLineAsync(made.Token);
            await o.WriteLineAsync("It is shown only now; give it to the organisation through a channel you trust.");
            return 0;
        });

        var list = new Command("list", "The trusted flaggers, one a line: id, organisation, country, coordinator, designated on.");
        store.AddTo(list);
        list.SetAction(async (parse, ct) =>
        {
            await using var services = await Open(parse, store, ct);
            if (services is null)
            {
                return 2;
            }

            await using var scope = services.CreateAsyncScope();
            var o = parse.InvocationConfiguration.Output;
            foreach (var f in await scope.ServiceProvider.GetRequiredService<TrustedFlaggerRegistry>().ListAsync(ct))
            {
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{f.Id}\t{f.Organisation}\t{f.Country}\t{f.Coordinator}\t{f.DesignatedOn:yyyy-MM-dd}"));
            }

            return 0;
        });

        var id = new Option<string>("--id") { Description = "The flagger's registry id (as `flaggers list` prints it).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the designation ended, e.g. the coordinator's decision (hashed in the ledger).", Required = true };
        var revoke = new Command("revoke", "End a trusted flagger's designation: its token stops working at once.") { id, reason };
        store.AddTo(revoke);
        revoke.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!Guid.TryParse(parse.GetValue(id), out var flaggerId))
            {
                await error.WriteLineAsync("--id must be a flagger's id as `flaggers list` prints it.");
                return 2;
            }

            await using var services = await Open(parse, store, ct);
            if (services is null)
            {
                return 2;
            }

            await using var scope = services.CreateAsyncScope();
            try
            {
                if (!await scope.ServiceProvider.GetRequiredService<TrustedFlaggerRegistry>().RevokeAsync(flaggerId, parse.GetValue(reason)!, CliStore.Operator.LedgerName, ct))
                {
                    await error.WriteLineAsync($"No trusted flagger {flaggerId} with a designation in force.");
                    return 1;
                }
            }
            catch (ValidationFailedException ex)
            {
                foreach (var e in ex.Errors)
                {
                    await error.WriteLineAsync($"--{e.Field}: {e.Message}");
                }

                return 2;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Trusted flagger {flaggerId} revoked; its token no longer works.");
            return 0;
        });

        return new Command("flaggers", "Trusted flaggers (DSA Art. 22) and their tokens.") { designate, list, revoke };
    }

    private static async Task<ServiceProvider?> Open(ParseResult parse, StoreOptions store, CancellationToken ct)
    {
        try
        {
            return await CliStore.OpenAsync(store.Resolve(parse, mayCreate: true), ct);
        }
        catch (InvalidOperationException ex)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(ex.Message);
            return null;
        }
    }
}
