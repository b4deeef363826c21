using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Data;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's incidents, through the same commands as the public channel and the desk: every severity, each state
/// of the queue (waiting, acknowledged, in progress with a thread, resolved), a reply from a template, a reporter's
/// message, actions taken, a link to one of the demo's moderation decisions, and a reporter's request to be added to
/// the at-risk registry (a proposed entry waiting for a second person).
/// </summary>
public static class IncidentsDemo
{
    public static async Task SeedAsync(IServiceProvider sp, Actor responder, Actor lead, CancellationToken ct)
    {
        var submit = sp.GetRequiredService<SubmitIncident>();
        var desk = sp.GetRequiredService<IncidentDesk>();
        var work = sp.GetRequiredService<IncidentWork>();
        var receipts = sp.GetRequiredService<IncidentReceipts>();

        // S1, waiting: a threat to life, in Arabic, with the reporter's address published.
        await submit.RunAsync(new IncidentReport([IncidentType.Doxxing, IncidentType.Threats],
            "نُشر عنوان منزلي على حساب مجهول، ويقول أحدهم إنه سيأتي الليلة.", ["@leila@social.example", "@anon4471"], ["https://social.example/@anon4471/1093"],
            IncidentUrgency.Today, true, ContactChannel.Signal, "+216 20 123 456", true, "TN", "ar") { RegistryAccounts = ["@leila@social.example"] }, ct);

        // S3, waiting: an impersonating account.
        await submit.RunAsync(new IncidentReport([IncidentType.Impersonation], "Someone made an account with my name and photo and asks my sources for their numbers.",
            ["@kofi.real", "@kofi_mensah_news"], [], IncidentUrgency.ThisWeek, false, ContactChannel.None, null, false, "GH", "en"), ct);

        // S2, acknowledged and answered from a template.
        var compromised = await submit.RunAsync(new IncidentReport([IncidentType.AccountCompromise],
            "Mi cuenta fue tomada anoche; cambiaron el correo y publican en mi nombre.", ["@marta.periodista"], [],
            IncidentUrgency.Today, false, ContactChannel.Email, "marta@example.net", false, "MX", "es"), ct);
        await desk.AcknowledgeAsync(compromised.Id, responder, ct);
        await desk.ReplyAsync(compromised.Id, "acknowledge", null, responder, ct);
        await work.RecordActionAsync(compromised.Id, "accountSecured", responder, ct);

        // S3, in progress: the desk asked for more and the reporter wrote back with the receipt.
        var harassed = await submit.RunAsync(new IncidentReport([IncidentType.Harassment, IncidentType.SmearCampaign],
            "Dozens of new accounts reply to every post of our organisation calling us foreign agents.", ["@rights.watch.kg"], [],
            IncidentUrgency.ThisWeek, false, ContactChannel.None, null, false, "KG", "ru"), ct);
        await desk.AcknowledgeAsync(harassed.Id, responder, ct);
        if (await IdOf(sp, lead, ct) is { } leadId)
        {
            await work.AssignAsync(harassed.Id, leadId, responder, ct);
        }

        await desk.ReplyAsync(harassed.Id, "needMore", null, responder, ct);
        await receipts.WriteAsync(harassed.Receipt, "Вот три аккаунта, которые начали первыми: @a1, @b2, @c3.", ct);

        // S3, resolved: an unjust suspension, linked to the moderation decision that suspended the account.
        var takedown = await submit.RunAsync(new IncidentReport([IncidentType.UnjustTakedown],
            "Hesabım askıya alındı; seçim gözlem raporumuzu paylaştıktan bir saat sonra.", ["@secimizleme"], [],
            IncidentUrgency.ThisWeek, false, ContactChannel.None, null, true, "TR", "tr"), ct);
        await desk.AcknowledgeAsync(takedown.Id, responder, ct);
        var decision = await sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.AsNoTracking().OrderBy(d => d.Id).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        if (decision is { } id)
        {
            await work.LinkAsync(takedown.Id, "moderationDecision", id.ToString(), responder, ct);
        }

        await work.RecordActionAsync(takedown.Id, "accountRestored", responder, ct);
        await desk.ReplyAsync(takedown.Id, null, "Hesabınızı yeniden açtık. Kararı bir insan inceledi ve kurallarımızı ihlal etmediğini gördü.", responder, ct);
        await desk.ResolveAsync(takedown.Id, "contentRemoved", responder, ct);

        // S4, resolved with advice.
        var other = await submit.RunAsync(new IncidentReport([IncidentType.Other], "Je voudrais savoir comment protéger le compte de notre association.",
            [], [], IncidentUrgency.NotUrgent, false, ContactChannel.None, null, false, "SN", "fr"), ct);
        await desk.AcknowledgeAsync(other.Id, responder, ct);
        await desk.ReplyAsync(other.Id, null, "Activez la connexion en deux étapes et gardez vos codes de secours hors ligne.", responder, ct);
        await desk.ResolveAsync(other.Id, "adviceGiven", responder, ct);
    }

    private static async Task<string?> IdOf(IServiceProvider sp, Actor person, CancellationToken ct) =>
        (await sp.GetRequiredService<IncidentWork>().RespondersAsync(ct)).FirstOrDefault(r => r.UserName == person.LedgerName)?.Id;
}
