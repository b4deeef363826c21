using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Web.Accounts;

namespace RightsDesk.Browser.Tests.Desk;

/// <summary>An enrolled staff member, and signing them in through the real form.</summary>
public sealed record StaffPerson(string Email, string Password, string Secret)
{
    public string Code() => Authenticator.NextCode(Secret);

    public static async Task<StaffPerson> Enrol(WebServer server, string name, string role)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var email = $"{name}.{Guid.NewGuid().ToString("N")[..6]}@desk.example";
        var link = await accounts.CreateStaffAsync(email, role, char.ToUpperInvariant(name[0]) + name[1..], "browser-test", default);
        var secret = await accounts.AuthenticatorSecretAsync(link.User);
        var person = new StaffPerson(email, "amber quarry lantern " + Guid.NewGuid().ToString("N")[..8], secret);
        var result = await accounts.CompleteEnrolmentAsync(link.User, person.Password, person.Code(), default);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return person;
    }

    public async Task SignIn(IPage tab, WebServer server)
    {
        await tab.GotoAsync(server.Url("/account/signin").ToString());
        await tab.FillAsync("#email", Email);
        await tab.FillAsync("#password", Password);
        await tab.FillAsync("#code", Code());
        await tab.ClickAsync("main form button[type=submit]");
        Assert.DoesNotContain("/account/signin", tab.Url, StringComparison.Ordinal);
    }
}
