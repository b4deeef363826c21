using RightsDesk.Core.Moderation.Misuse;

namespace RightsDesk.Web.Pages.Desk.Misuse;

/// <summary>The desk's words for Art. 23 measures.</summary>
public static class MisuseWords
{
    public static string Kind(MisuseKind k) => k switch
    {
        MisuseKind.IllegalContent => "manifestly illegal content",
        MisuseKind.UnfoundedNotices => "manifestly unfounded notices",
        _ => "manifestly unfounded complaints",
    };

    public static string Party(MisuseParty p) => p == MisuseParty.Account ? "account" : "notifier";

    public static string State(MisuseState s, bool inForce) => s switch
    {
        MisuseState.Issued => "warning issued",
        MisuseState.Proposed => "waiting for a second person",
        MisuseState.Confirmed => inForce ? "in force" : "ended",
        MisuseState.Declined => "declined",
        _ => "lifted",
    };

    /// <summary>The list's filter names: a confirmed suspension may be in force or may have ended.</summary>
    public static string Filter(MisuseState s) => s == MisuseState.Confirmed ? "confirmed (in force or ended)" : State(s, true);

    /// <summary>What each kind counts, said beside the counts so the desk knows what the numbers are.</summary>
    public static string Counted(MisuseKind k, MisuseParty p) => (k, p) switch
    {
        (MisuseKind.IllegalContent, _) => "decisions on the illegal-content ground not lifted, out of all the account's decisions",
        (MisuseKind.UnfoundedNotices, _) => "notices decided with no action, out of all the notifier's notices",
        (_, MisuseParty.Account) => "appeals that left the decision standing, out of all the account's appeals",
        _ => "complaints that left the decision standing, out of all the notifier's complaints",
    };
}
