using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Security;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Cli.Commands;

/// <summary>`rightsdesk tokens create|revoke`: API tokens for machines, made by the operator at the console.</summary>
public static class TokenCommands
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who or what the token is for.", Required = true };
        var role = new Option<string>("--role") { Description = "One of: " + string.Join(", ", Roles.TokenRoles), Required = true };
        role.AcceptOnlyFromAmong([.. Roles.TokenRoles]);
        var days = new Option<int>("--days") { Description = "Days until it expires (1-366).", DefaultValueFactory = _ => 90 };
        var create = new Command("create", "Create a token and print it once.") { name, role, days };
        create.SetAction(async (parse, ct) =>
        {
            var d = parse.GetValue(days);
            if (d is < 1 or > 366)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--days must be between 1 and 366.");
                return 2;
            }

            await using var app = RightsDeskWeb.Build(["--Notices:Worker:Enabled=false"]);
            await using var scope = app.Services.CreateAsyncScope();
            var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
                .CreateAsync(parse.GetValue(name)!, parse.GetValue(role)!, TimeSpan.FromDays(d), "console:" + Environment.UserName, ct);
            var o = parse.InvocationConfiguration.Output;
            await o.WriteLineAsync($"Token for {issued.Record.Name} ({issued.Record.Role}), expires {issued.Record.ExpiresAt:yyyy-MM-dd}:");
            await o.WriteLineAsync(issued.Secret);
            await o.WriteLineAsync("It is shown only now; store it in the calling system's secret store.");
            return 0;
        });

        var id = new Argument<Guid>("id") { Description = "The token's id." };
        var revoke = new Command("revoke", "Revoke a token at once.") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var app = RightsDeskWeb.Build(["--Notices:Worker:Enabled=false"]);
            await using var scope = app.Services.CreateAsyncScope();
            var ok = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(parse.GetValue(id), "console:" + Environment.UserName, ct);
            await (ok ? parse.InvocationConfiguration.Output : parse.InvocationConfiguration.Error).WriteLineAsync(ok ? "revoked" : "no such active token");
            return ok ? 0 : 1;
        });

        return new Command("tokens", "API tokens for the platform's systems.") { create, revoke };
    }
}
