using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using RightsDesk.Web.Portal;

namespace RightsDesk.Web.Pages.Portal;

/// <summary>A released package: for the official it was released to, signed in, before expiry. An expired link says so (410).</summary>
public sealed class DownloadModel(PortalAccounts accounts, PackageReleaseService releases) : PageModel
{
    [FromRoute] public string Secret { get; set; } = "";
    public DateTimeOffset? ExpiredAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await accounts.CurrentAsync(User, ct) is not { } official)
        {
            return NotFound();
        }

        switch (await releases.DownloadAsync(Secret, official.User.Id, official.User.UserName!, ct))
        {
            case DownloadResult.File file:
                // The name is set here rather than through File(..., name): the file result logs the name it sends.
                Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = file.FileName }.ToString();
                return File(file.Content, "application/json");
            case DownloadResult.Expired expired:
                ExpiredAt = expired.At;
                Response.StatusCode = StatusCodes.Status410Gone;
                return Page();
            default:
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
        }
    }
}
