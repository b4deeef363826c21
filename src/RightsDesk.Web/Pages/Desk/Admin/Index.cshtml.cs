using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Core.Security;
using RightsDesk.Data.Accounts;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Admin;

/// <summary>Staff accounts: add (the enrolment link is shown once), change role, disable, enable, start enrolment over.</summary>
[RequirePermission(Permission.AccountManage)]
public sealed class IndexModel(AccountService accounts, PublicUrl publicUrl) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];
    public string? Link { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await accounts.ListAsync(AccountKind.Staff, ct);

    public Task<IActionResult> OnPostAddAsync(string? email, string? role, string? name, CancellationToken ct) => Do(async () =>
    {
        var link = await accounts.CreateStaffAsync(email ?? "", role ?? "", name, User.Actor(), ct);
        Link = LinkFor(link);
        Message = $"Account created for {link.User.Email}. Give this one-time link to the person over a channel you trust; it is shown only now and works for 72 hours.";
    }, ct);

    public Task<IActionResult> OnPostRoleAsync(string id, string? role, CancellationToken ct) =>
        Do(async () => { await accounts.ChangeRoleAsync(id, role ?? "", User.Actor(), ct); Message = "Role changed; the person's open sessions have ended."; }, ct);

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        Do(async () => { await accounts.SetDisabledAsync(id, true, User.Actor(), ct); Message = "Account disabled; its sessions have ended."; }, ct);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        Do(async () => { await accounts.SetDisabledAsync(id, false, User.Actor(), ct); Message = "Account enabled."; }, ct);

    public Task<IActionResult> OnPostResetAsync(string id, CancellationToken ct) => Do(async () =>
    {
        var link = await accounts.ResetEnrolmentAsync(id, User.Actor(), ct);
        Link = LinkFor(link);
        Message = $"The old password and authenticator of {link.User.Email} no longer work. New one-time enrolment link (shown only now):";
    }, ct);

    // Never from the Host header: behind a proxy it names the internal host, and anyone can send another. Without a
    // configured public address the administrator gets the path and puts the desk's address in front.
    private string LinkFor(EnrolmentLink link) => link.Url(publicUrl.For(Request) ?? "");

    private async Task<IActionResult> Do(Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
        }
        catch (AccountException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Accounts = await accounts.ListAsync(AccountKind.Staff, ct);
        return Page();
    }
}
