using RightsDesk.Core.Assessment;
using RightsDesk.Data.Notices;
using RightsDesk.Data.Outbox;

namespace RightsDesk.Web.Pages.Desk.Notices;

/// <summary>The notice and outbox pages' words for their states and plans.</summary>
public static class NoticeWords
{
    public static string Of(NoticeStatus s) => s switch
    {
        NoticeStatus.Planned => "planned",
        NoticeStatus.Held => "held by a gag order",
        NoticeStatus.Queued => "due, being sent",
        NoticeStatus.Sent => "delivered",
        NoticeStatus.Cancelled => "not owed",
        _ => s.ToString(),
    };

    public static string Of(NoticePlan p) => p switch
    {
        NoticePlan.BeforeDisclosure => "before anything is disclosed",
        NoticePlan.AfterNonDisclosure => "when the gag order ends",
        NoticePlan.AfterEmergency => "after the emergency",
        NoticePlan.ReviewNonDisclosure => "held by an indefinite gag order: review and challenge",
        NoticePlan.None => "no notice",
        _ => p.ToString(),
    };

    public static string Of(OutboxStatus s) => s switch
    {
        OutboxStatus.Pending => "waiting to be sent",
        OutboxStatus.Sent => "sent",
        OutboxStatus.DeadLetter => "gave up (dead letter)",
        OutboxStatus.Cancelled => "cancelled",
        _ => s.ToString(),
    };

    public static string Topic(string topic) => topic switch
    {
        "notice" => "user notice",
        "portal-mail" => "portal mail",
        "deadline-alert" => "deadline alert",
        "letter" => "letter to the authority",
        _ => topic,
    };
}
