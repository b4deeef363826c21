using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Letters;
using RightsDesk.Core.Demands;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's letters to authorities beyond the answers: most demands have had their receipt acknowledged, so the
/// progress line and the time to inform authorities of receipt have data, and e-mailed demands confirmed by call-back
/// carry the address the authority confirmed, so their letters can be e-mailed from the desk to the demo's mailbox.
/// </summary>
public static class JourneyDemo
{
    /// <summary>The address the demo's call-backs confirm: never the one in the demand itself.</summary>
    public const string ConfirmedAddress = "letters@authority-desk.example";

    /// <summary>Acknowledges two demands in three, marked as sent by staff (the demo prints no PDFs while seeding).</summary>
    public static async Task AcknowledgeAsync(IServiceProvider sp, Guid id, int n, Core.Cases.Actor by, CancellationToken ct)
    {
        if (n % 3 == 2)
        {
            return;
        }

        var cases = sp.GetRequiredService<DemandCases>();
        var letters = sp.GetRequiredService<ResponseLetters>();
        var record = (await cases.FindAsync(id, ct))!;
        if (record.State == DemandState.Closed)
        {
            return;
        }

        var letter = await letters.DraftAcknowledgementAsync(record, "en", by, ct);
        record = (await cases.FindAsync(id, ct))!;
        await letters.MarkSentAsync(record, letter.Id, null, "staff", by, ct);
        await cases.SaveAsync(ct);
    }
}
