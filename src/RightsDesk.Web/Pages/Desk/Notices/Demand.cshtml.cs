using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Security;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Notices;
using RightsDesk.Data.Outbox;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Notices;

/// <summary>One demand's notices: each with its plan and dates, the exact text that will go in every language, and
/// the messages that carry it. Opening the text opens the case, so it is a case read (ledgered) like the demand page.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = "perm:NoticeRead")]
public sealed class DemandModel(DemandCases cases, NoticeBoard board, OutboxDesk outbox, RecordDemandRead read) : PageModel
{
    public sealed record Item(NoticeRecord Notice, IReadOnlyList<NoticePreview> Previews);

    [FromRoute] public Guid Id { get; set; }
    public DemandRecord Record { get; private set; } = null!;
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyList<OutboxRecord> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var record = await cases.FindAsync(Id, ct);
        if (record is null || !DemandAccess.CanSeeContents(User, record))
        {
            return NotFound();
        }

        Record = record;
        var items = new List<Item>();
        foreach (var n in await board.OfDemandAsync(Id, ct))
        {
            items.Add(new Item(n, record.AssessedAt is null || n.Status == NoticeStatus.Cancelled ? [] : await board.PreviewAsync(n, ct)));
        }

        Items = items;
        Messages = await outbox.ListAsync(User.ToViewer(), null, 500, ct, Id);
        await read.RunAsync(record, User.ToActor(), ct);
        return Page();
    }

    public bool CanManage => User.Can(Permission.NoticeManage);
}
