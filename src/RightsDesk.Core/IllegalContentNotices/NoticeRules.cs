namespace RightsDesk.Core.IllegalContentNotices;

/// <summary>
/// The coordinated-campaign thresholds from policy/moderation.json: so many notices against one content item or one
/// account within the window flag every notice of the cluster for the desk. Against a person on the at-risk
/// registry the bar is lower, since a mass-reporting campaign is a known way of silencing defenders.
/// </summary>
public sealed record NoticeCampaignPolicy(int Notices = 10, int AtRiskNotices = 3, int WindowHours = 24)
{
    public TimeSpan Window => TimeSpan.FromHours(WindowHours);

    /// <exception cref="Policy.PolicyException">naming what is wrong.</exception>
    public void Validate()
    {
        if (Notices < 2 || AtRiskNotices < 2 || AtRiskNotices > Notices)
        {
            throw new Policy.PolicyException("moderation.json", "noticeCampaign: notices and atRiskNotices must be at least 2, and atRiskNotices no more than notices (the registry lowers the bar, never raises it).");
        }

        if (WindowHours is < 1 or > 24 * 30)
        {
            throw new Policy.PolicyException("moderation.json", "noticeCampaign.windowHours must be between 1 and 720.");
        }
    }

    /// <summary>Whether <paramref name="inWindow"/> notices against one target (this one included) make a campaign.</summary>
    public bool IsCampaign(int inWindow, bool atRisk) => inWindow >= (atRisk ? AtRiskNotices : Notices);
}

/// <summary>One notice as the queue sees it, for ordering.</summary>
public readonly record struct QueuedNotice(NoticeSource Source, DateTimeOffset ReceivedAt);

/// <summary>The order of the desk's queue: trusted flaggers' notices first (DSA Art. 22(1): processed with priority),
/// then the oldest first, so nothing waits behind newer notices of the same standing.</summary>
public static class NoticeQueueOrder
{
    public static int Compare(QueuedNotice a, QueuedNotice b)
    {
        var standing = Rank(a.Source).CompareTo(Rank(b.Source));
        return standing != 0 ? standing : a.ReceivedAt.CompareTo(b.ReceivedAt);
    }

    public static int Rank(NoticeSource source) => source == NoticeSource.TrustedFlagger ? 0 : 1;
}
