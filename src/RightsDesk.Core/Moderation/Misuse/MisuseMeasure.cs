using RightsDesk.Core.Common;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Moderation.Misuse;

/// <summary>Who misused the service: an account (posting manifestly illegal content, or complaining without ground
/// about decisions on it) or a notifier, known by the e-mail address their notices and complaints came from.</summary>
public enum MisuseParty
{
    Account,
    Notifier,
}

/// <summary>
/// Where a measure stands. A warning is <see cref="Issued"/> and stands for the policy's days. A suspension is
/// <see cref="Proposed"/> by one person (or the platform), then <see cref="Confirmed"/> or <see cref="Declined"/> by a
/// second person; a confirmed suspension runs to its end date unless <see cref="Lifted"/> before it.
/// </summary>
public enum MisuseState
{
    Issued,
    Proposed,
    Confirmed,
    Declined,
    Lifted,
}

/// <summary>A warning or a suspension as the desk or the platform asks for it, before anything is stored.</summary>
/// <param name="PartyId">the account id as the platform knows it, or the notifier's e-mail address. It is sealed and
/// blind-indexed; it never appears in the ledger, a URL or a log.</param>
/// <param name="Reasons">what the party is told: the facts, the misuse they amount to, and the ways to contest it.</param>
public sealed record MisuseRequest(MisuseKind Kind, MisuseParty Party, string? PartyId, string? Reasons, string? Language, DateOnly? Until = null);

/// <summary>The checks of an Art. 23 request that need nothing but the request: the party fits the kind, the id and
/// the reasons have sensible lengths, the language is one the user pages speak.</summary>
public static class MisuseRequests
{
    public const int MaxPartyId = 254;
    public const int MinReasons = 20;
    public const int MaxReasons = 4000;

    /// <summary>Which parties a kind of misuse can be about: content is posted from an account, notices come from a
    /// notifier, and complaints come from either (an account's user appealing decisions, a notifier complaining
    /// about decisions on their notices).</summary>
    public static bool Fits(MisuseKind kind, MisuseParty party) => kind switch
    {
        MisuseKind.IllegalContent => party == MisuseParty.Account,
        MisuseKind.UnfoundedNotices => party == MisuseParty.Notifier,
        _ => true,
    };

    /// <summary>The form the party is indexed by, so the same account or address written another way is the same party.</summary>
    public static string Canonical(MisuseParty party, string id) =>
        Identifiers.Canonical(party == MisuseParty.Account ? TargetType.Account : TargetType.Email, id.Trim());

    /// <summary>The checks of who a request is about: enough to look a party up, which says nothing to anyone.</summary>
    public static List<FieldError> CheckParty(MisuseKind kind, MisuseParty party, string? partyId)
    {
        var errors = new List<FieldError>();
        if (!Fits(kind, party))
        {
            errors.Add(new FieldError("party", kind == MisuseKind.IllegalContent
                ? "Manifestly illegal content is posted from an account: name the account."
                : "Notices come from a notifier: name the notifier by the e-mail address the notices came from."));
        }

        var id = (partyId ?? "").Trim();
        if (id.Length is 0 or > MaxPartyId)
        {
            errors.Add(new FieldError("partyId", $"Name the party: the account id, or the notifier's e-mail address (at most {MaxPartyId} characters)."));
        }
        else if (party == MisuseParty.Notifier && (id.IndexOf('@', StringComparison.Ordinal) is <= 0 || id.EndsWith('@') || id.Contains(' ', StringComparison.Ordinal)))
        {
            errors.Add(new FieldError("partyId", "A notifier is named by the e-mail address their notices or complaints came from."));
        }

        return errors;
    }

    public static IReadOnlyList<FieldError> Check(MisuseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = CheckParty(request.Kind, request.Party, request.PartyId);
        var reasons = (request.Reasons ?? "").Trim();
        if (reasons.Length is < MinReasons or > MaxReasons)
        {
            errors.Add(new FieldError("reasons", $"Write what the party will read: the facts and why they amount to misuse, in {MinReasons} to {MaxReasons} characters."));
        }

        if (request.Language is { } language && !ModerationDecisionReader.UserLanguages.Contains(language, StringComparer.Ordinal))
        {
            errors.Add(new FieldError("language", "Say one of: " + string.Join(", ", ModerationDecisionReader.UserLanguages) + "."));
        }

        return errors;
    }
}
