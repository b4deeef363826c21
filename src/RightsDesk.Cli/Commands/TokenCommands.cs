using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Web.Security;

namespace RightsDesk.Cli.Commands;

/// <summary>
/// `rightsdesk tokens create|revoke`: API tokens made by the operator at the console. A token acts for a person
/// (`--person EMAIL`: at most that person's permissions, ending when they are disabled or change role) or for a
/// platform system (`--machine NAME`: submit demands and documents and follow them, never decide or approve).
/// </summary>
public static class TokenCommands
{
    public static Command Create()
    {
        var person = new Option<string?>("--person") { Description = "The e-mail address of the staff account the token acts for." };
        var machine = new Option<string?>("--machine") { Description = "The platform system the token is for (machine permissions only)." };
        var name = new Option<string?>("--name") { Description = "What the token is for, as lists show it (default: the system's name, or 'cli' for a person)." };
        var days = new Option<int>("--days") { Description = "Days until it expires (1-366).", DefaultValueFactory = _ => 90 };
        var store = new StoreOptions();
        var create = new Command("create", "Create a token and print it once. Give exactly one of --person or --machine.") { person, machine, name, days };
        store.AddTo(create);
        create.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var (forPerson, forMachine) = (parse.GetValue(person), parse.GetValue(machine));
            if ((forPerson is null) == (forMachine is null))
            {
                await error.WriteLineAsync("Say whom the token acts for: --person EMAIL (a staff account) or --machine NAME (a platform system), not both.");
                return 2;
            }

            var d = parse.GetValue(days);
            if (d is < 1 or > 366)
            {
                await error.WriteLineAsync("--days must be between 1 and 366.");
                return 2;
            }

            var label = (parse.GetValue(name) ?? forMachine ?? "cli").Trim();
            if (label.Length is 0 or > 100)
            {
                await error.WriteLineAsync("--name must be 1 to 100 characters.");
                return 2;
            }

            await using var services = await Open(parse, store, ct);
            if (services is null)
            {
                return 2;
            }

            await using var scope = services.CreateAsyncScope();
            var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
            ApiTokenService.IssuedToken issued;
            try
            {
                issued = forPerson is not null
                    ? await tokens.CreateForPersonAsync(label, forPerson, TimeSpan.FromDays(d), CliStore.Operator.LedgerName, ct)
                    : await tokens.CreateForMachineAsync(label, TimeSpan.FromDays(d), CliStore.Operator.LedgerName, ct);
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return 1;
            }

            var o = parse.InvocationConfiguration.Output;
            var whom = forPerson is not null ? $"acting for {forPerson.Trim()} ({issued.Record.Role})" : $"for the platform system {label}";
            await o.WriteLineAsync($"Token {whom}, expires {issued.Record.ExpiresAt:yyyy-MM-dd}:");
            await o.WriteLineAsync(issued.Secret);
            await o.WriteLineAsync("It is shown only now; store it in the calling system's secret store.");
            return 0;
        });

        var id = new Argument<Guid>("id") { Description = "The token's id." };
        var revoke = new Command("revoke", "Revoke a token at once.") { id };
        store.AddTo(revoke);
        revoke.SetAction(async (parse, ct) =>
        {
            await using var services = await Open(parse, store, ct);
            if (services is null)
            {
                return 2;
            }

            await using var scope = services.CreateAsyncScope();
            var ok = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(parse.GetValue(id), CliStore.Operator.LedgerName, ct);
            await (ok ? parse.InvocationConfiguration.Output : parse.InvocationConfiguration.Error).WriteLineAsync(ok ? "revoked" : "no such active token");
            return ok ? 0 : 1;
        });

        return new Command("tokens", "API tokens for people and for the platform's systems.") { create, revoke };
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
