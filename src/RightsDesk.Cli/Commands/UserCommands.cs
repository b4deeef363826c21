using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Security;
using RightsDesk.Data.Accounts;
using RightsDesk.Web.Accounts;

namespace RightsDesk.Cli.Commands;

/// <summary>`rightsdesk users ...`: staff accounts from the console — how the first administrator is made.</summary>
public static class UserCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The person's work email.", Required = true };
        var role = new Option<string>("--role") { Description = "One of: " + string.Join(", ", Roles.Staff), Required = true };
        role.AcceptOnlyFromAmong([.. Roles.Staff]);
        var name = new Option<string?>("--name") { Description = "How the person is shown to colleagues." };
        var baseUrl = new Option<string>("--base-url") { Description = "The desk's address, for the link.", DefaultValueFactory = _ => "http://localhost:5080" };
        var add = new Command("add", "Create a staff account and print its one-time enrolment link.") { email, role, name, baseUrl };
        add.SetAction((parse, ct) => Run(parse, async (accounts, o) =>
        {
            var link = await accounts.CreateStaffAsync(parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(name), Actor, ct);
            await o.WriteLineAsync($"Created {link.User.Email} ({parse.GetValue(role)}). One-time enrolment link, valid until {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC:");
            await o.WriteLineAsync(link.Url(parse.GetValue(baseUrl)!));
            await o.WriteLineAsync("Give it to the person over a channel you trust; they choose a password and connect an authenticator app.");
        }));

        var list = new Command("list", "List staff accounts.");
        list.SetAction((parse, ct) => Run(parse, async (accounts, o) =>
        {
            foreach (var a in await accounts.ListAsync(AccountKind.Staff, ct))
            {
                var state = a.Disabled ? "disabled" : !a.Enrolled ? "enrolment pending" : a.LockedOut ? "locked out" : "active";
                await o.WriteLineAsync($"{a.Email}\t{a.Role}\t{state}\tlast sign-in {a.LastSignInAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}");
            }
        }));

        var who = new Option<string>("--email") { Description = "The account's email.", Required = true };
        var newRole = new Option<string>("--role") { Description = "The new role.", Required = true };
        newRole.AcceptOnlyFromAmong([.. Roles.Staff]);
        var setRole = new Command("role", "Change an account's role; its sessions end.") { who, newRole };
        setRole.SetAction((parse, ct) => ForAccount(parse, who, (accounts, id) => accounts.ChangeRoleAsync(id, parse.GetValue(newRole)!, Actor, ct), "role changed; open sessions ended"));
        var disable = new Command("disable", "Disable an account; its sessions end at once.") { who };
        disable.SetAction((parse, ct) => ForAccount(parse, who, (accounts, id) => accounts.SetDisabledAsync(id, true, Actor, ct), "disabled; open sessions ended"));
        var enable = new Command("enable", "Enable a disabled account.") { who };
        enable.SetAction((parse, ct) => ForAccount(parse, who, (accounts, id) => accounts.SetDisabledAsync(id, false, Actor, ct), "enabled"));
        var reset = new Command("reset", "Start a staff account's enrolment over (lost phone or password): prints a new link. Officials are reset on the desk's officials page, which mails the link to their registered address.") { who, baseUrl };
        reset.SetAction((parse, ct) => Run(parse, async (accounts, o) =>
        {
            var id = await IdOf(accounts, parse.GetValue(who)!, ct);
            var link = await accounts.ResetEnrolmentAsync(id, Actor, ct);
            await o.WriteLineAsync("The old password and authenticator no longer work. New one-time enrolment link:");
            await o.WriteLineAsync(link.Url(parse.GetValue(baseUrl)!));
        }));

        var users = new Command("users", "Staff accounts: add, list, role, disable, enable, reset.") { add, list, setRole, disable, enable, reset };
        foreach (var c in users.Subcommands)
        {
            Store.AddTo(c);
        }

        return users;
    }

    /// <summary>`rightsdesk totp SECRET`: the current code for a TOTP secret, for the demo accounts without an app at hand.</summary>
    public static Command CreateTotp()
    {
        var secret = new Argument<string>("secret") { Description = "The base32 secret (spaces allowed)." };
        var command = new Command("totp", "Print the current authenticator code for a TOTP secret.") { secret };
        command.SetAction(async (parse, ct) =>
        {
            var text = new string(parse.GetValue(secret)!.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
            if (text.Length is < 16 or > 128 || text.Any(c => !(char.IsAsciiLetterUpper(c) || c is >= '2' and <= '7')))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("The secret must be base32 (letters A-Z and digits 2-7), at least 16 characters.");
                return 2;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(Demo.DemoAccounts.CurrentCode(text));
            return 0;
        });
        return command;
    }

    private static string Actor => CliStore.Operator.LedgerName;

    private static readonly StoreOptions Store = new();

    private static async Task<int> Run(ParseResult parse, Func<AccountService, TextWriter, Task> action)
    {
        StoreSettings settings;
        try
        {
            settings = Store.Resolve(parse, mayCreate: true);
        }
        catch (InvalidOperationException ex)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        await using var services = await CliStore.OpenAsync(settings, default);
        await using var scope = services.CreateAsyncScope();
        try
        {
            await action(scope.ServiceProvider.GetRequiredService<AccountService>(), parse.InvocationConfiguration.Output);
            return 0;
        }
        catch (AccountException ex)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static Task<int> ForAccount(ParseResult parse, Option<string> who, Func<AccountService, string, Task> action, string done) =>
        Run(parse, async (accounts, o) =>
        {
            await action(accounts, await IdOf(accounts, parse.GetValue(who)!, default));
            await o.WriteLineAsync(done);
        });

    private static async Task<string> IdOf(AccountService accounts, string email, CancellationToken ct)
    {
        var normalised = AccountService.NormaliseEmail(email);
        var all = await accounts.ListAsync(AccountKind.Staff, ct);
        return all.FirstOrDefault(a => string.Equals(a.Email, normalised, StringComparison.OrdinalIgnoreCase))?.Id
            ?? throw new AccountException($"No staff account with the email {normalised}.");
    }
}
