using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RightsDesk.Application.Deadlines;
using RightsDesk.Application.Defenders;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Letters;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Outbox;
using RightsDesk.Application.SecretCodes;

namespace RightsDesk.Application;

/// <summary>Registers the use cases. The web host and the CLI both call this, so each runs the same commands.</summary>
public static class ApplicationServices
{
    public static IServiceCollection AddRightsDeskApplication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<Data.Ledger.LedgerWriter>();
        services.AddScoped<AtRiskRegistry>();
        services.AddScoped<AtRiskReindex>();
        services.AddScoped<Moderation.RecordDecisions>();
        services.AddScoped<Moderation.ModerationReview>();
        services.AddScoped<Moderation.StatementsOfReasons>();
        services.AddScoped<Moderation.PlatformInstructions>();
        services.AddScoped<Moderation.DemandDecisions>();
        services.AddScoped<Moderation.ReportApplied>();
        services.AddScoped<Moderation.EndMeasures>();
        services.AddScoped<Moderation.AccountHistory>();
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(Moderation.PlatformInstructions.Topic));
        services.AddScoped<Exports.ExportDsaStatements>();
        services.AddScoped<Exports.SubmitDsaStatements>();
        services.AddScoped<Exports.ExportLumenNotices>();
        services.AddScoped<Originals.PublishTakedowns>();
        services.AddScoped<Originals.TakedownSelection>();
        services.AddScoped<Appeals.AppealCodes>();
        services.AddScoped<Appeals.SubmitAppeal>();
        services.AddScoped<Appeals.AppealReview>();
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(Appeals.AppealReview.OutcomeTopic));
        services.AddScoped<Disputes.DisputeReferrals>();
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(Disputes.DisputeReferrals.OutcomeTopic));
        services.AddScoped<Misuse.MisuseCounts>();
        services.AddScoped<Misuse.MisuseNotices>();
        services.AddScoped<Misuse.MisuseDesk>();
        services.AddScoped<Misuse.MisuseSuspensions>();
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(Misuse.MisuseNotices.Topic));
        services.AddScoped<IllegalContentNotices.SubmitNotice>();
        services.AddScoped<IllegalContentNotices.NoticeDesk>();
        services.AddScoped<IllegalContentNotices.FlaggerAccuracyQuery>();
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(IllegalContentNotices.SubmitNotice.ReceiptTopic));
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(IllegalContentNotices.NoticeDesk.OutcomeTopic));
        services.AddScoped<IllegalContentNotices.NoticeComplaints>();
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(IllegalContentNotices.NoticeComplaints.OutcomeTopic));
        services.AddScoped<DemandSealing>();
        services.AddScoped<DemandCases>();
        services.AddScoped<DemandDocuments>();
        services.AddScoped<AssessDemand>();
        services.AddScoped<CreateDemand>();
        services.AddScoped<Decide>();
        services.AddScoped<Approve>();
        services.AddScoped<SendBack>();
        services.AddScoped<Colleagues>();
        services.AddScoped<Assign>();
        services.AddScoped<CaseNotes>();
        services.AddScoped<DemandSearchIndex>();
        services.AddScoped<Fulfil>();
        services.AddScoped<AnswerReceived>();
        services.AddScoped<RecordVerification>();
        services.AddScoped<RequestClarification>();
        services.AddScoped<CloseDemand>();
        services.AddScoped<RecordDemandRead>();
        services.AddScoped<DemandViewQuery>();
        services.AddScoped<ResponseLetters>();
        services.TryAddSingleton(new LetterOptions());
        services.AddSingleton<ILetterPrinter, ChromiumLetterPrinter>();
        services.AddScoped<LetterDelivery>();

        // The outbox. The host adds the transports (IOutboxTransport) and may register bound options first.
        services.TryAddSingleton(new OutboxOptions());
        services.AddScoped<Outbox.Outbox>();
        services.AddScoped<IOutbox>(sp => sp.GetRequiredService<Outbox.Outbox>());
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<OutboxDesk>();
        services.AddScoped<IOutboxTopicHandler, NoticeDeliveryHandler>();
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(OutboxTopics.PortalMail));
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(OutboxTopics.PartnerMail));
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(OutboxTopics.DeadlineAlert));
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(OutboxTopics.Letter));
        services.AddSingleton<IOutboxTopicHandler>(new DeliveryOnlyHandler(OutboxTopics.Statement));

        // Notices. The host provides INoticeSources (the policy in force and the opened case).
        services.AddScoped<NoticePlanner>();
        services.AddScoped<NoticeJob>();
        services.AddScoped<NoticeBoard>();
        services.AddScoped<Transparency.ITransparencySource, Transparency.DemandTransparencySource>();
        services.AddScoped<Transparency.ITransparencySource, Transparency.NoticeTransparencySource>();
        services.AddScoped<Transparency.ITransparencySource, Transparency.ModerationTransparencySource>();
        services.AddScoped<Transparency.ITransparencySource, Transparency.AppealTransparencySource>();
        services.AddScoped<Transparency.ITransparencySource, Transparency.DisputeTransparencySource>();
        services.AddScoped<Transparency.ITransparencySource, Transparency.MisuseTransparencySource>();
        services.AddScoped<Transparency.ITransparencySource, Transparency.IncidentTransparencySource>();
        services.AddScoped<Transparency.ITransparencySource, Transparency.IllegalContentNoticeTransparencySource>();
        services.AddScoped<Transparency.ITransparencySource, Transparency.PartnerFlagTransparencySource>();
        services.AddScoped<Transparency.PublishReport>();
        services.AddScoped<Transparency.ReportOutput>();
        services.AddScoped<Transparency.Dsa.DsaExport>();
        services.AddScoped<Transparency.ModerationFactReader>();
        services.AddScoped<Transparency.Rollups.ModerationRollupStore>();
        services.AddScoped<Transparency.Rollups.DemandFactReader>();
        services.AddScoped<Transparency.Rollups.DemandRollupStore>();
        services.AddScoped<Data.Rollups.IDemandRollup>(sp => sp.GetRequiredService<Transparency.Rollups.DemandRollupStore>());
        services.TryAddScoped<Transparency.Dsa.IDsaNoticeSource, Transparency.Dsa.StoredNoticeSource>();
        services.AddScoped<Transparency.Verification.ReportLedgerChecks>();
        services.AddScoped<Transparency.Verification.ReportRecordChecks>();
        services.AddScoped<Transparency.Verification.VerifyReport>();
        services.AddScoped<Transparency.RdrQuery>();

        services.TryAddSingleton(new DeadlineOptions());
        services.AddScoped<Deadlines.Deadlines>();
        services.AddScoped<DeadlineReminderJob>();

        // A singleton: the attempt limits must outlive a request.
        services.TryAddSingleton(new SecretCodeOptions());
        services.AddSingleton<SecretCodes.SecretCodes>();
        AddImpact(services);
        AddIncidents(services);
        return services;
    }

    /// <summary>The incident channel: intake, the reporter's receipt, the desk's side and the escalation ladder.</summary>
    private static void AddIncidents(IServiceCollection services)
    {
        services.AddScoped<Defenders.Incidents.SubmitIncident>();
        services.AddScoped<Partners.ApplyAsPartner>();
        services.AddScoped<Partners.PartnerApplications>();
        services.AddScoped<Partners.PartnerFlags>();
        services.AddScoped<Defenders.Incidents.IncidentReceipts>();
        services.AddScoped<Defenders.Incidents.IncidentDesk>();
        services.AddScoped<Defenders.Incidents.IncidentWork>();
        services.TryAddSingleton(new Defenders.Incidents.IncidentAttachmentOptions());
        services.AddSingleton<Defenders.Incidents.AttachmentStripper>();
        services.AddSingleton<Deadlines.IDeadlineLadder, Defenders.Incidents.IncidentLadder>();
    }

    /// <summary>Impact assessments and their benchmarks; other features add metrics by registering more IMetric.</summary>
    private static void AddImpact(IServiceCollection services)
    {
        services.AddScoped<Impact.ImpactStore>();
        services.AddScoped<Impact.ImpactAssessments>();
        services.AddScoped<Impact.ImpactMitigations>();
        services.AddScoped<Impact.ImpactRecommendations>();
        services.AddScoped<Impact.ImpactConsultations>();
        services.AddScoped<Impact.ImpactReviews>();
        services.AddScoped<Impact.ImpactQueries>();
        services.AddScoped<Impact.PublicImpact>();
        services.AddScoped<Impact.ImpactRdrEvidence>();
        services.AddScoped<Impact.Benchmarks>();
        services.AddScoped<Pushback.PushbackRecords>();
        services.AddScoped<Pushback.PushbackQueries>();
        services.AddScoped<Impact.IMetricRegistry, Impact.LedgerMetricRegistry>();
        services.AddSingleton<Impact.IMetric, Impact.RejectedOrChallengedMetric>();
        services.AddSingleton<Impact.IMetric, Impact.NoticesBeforeDisclosureMetric>();
        services.AddSingleton<Impact.IMetric, Impact.RestrictionsNarrowedMetric>();
        services.AddSingleton<Impact.IMetric, Impact.DeadLettersMetric>();
        services.AddSingleton<Impact.IMetric, Defenders.Protection.IncidentsAcknowledgedInTargetMetric>();
        services.AddSingleton<Impact.IMetric, Defenders.Protection.IncidentsResolvedInTargetMetric>();
    }
}
