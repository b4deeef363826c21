using RightsDesk.Data.Ledger;

namespace RightsDesk.Integration.Tests.Ledger;

/// <summary>
/// The exact canonical bytes of every event shape the ledger has ever written, for fixed inputs. A leaf hash covers
/// these bytes, so an event that serialised differently tomorrow would make `ledger verify` reject yesterday's rows
/// re-derived by today's code. The expected strings were taken from the code as it wrote them (dictionaries built at
/// each call site) and must never change; only the way the event is built may.
/// </summary>
public sealed class LedgerGoldenTests
{
    private const long Seq = 41;
    private static readonly DateTimeOffset At = new(2026, 11, 5, 9, 30, 15, 123, TimeSpan.Zero);

    private static readonly Dictionary<string, (string Expected, Func<string> Actual)> Cases = new(StringComparer.Ordinal)
    {
        ["DemandCreated"] = ("""{"seq":41,"code":1000,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"channel":"email","country":"DE","demandSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","kind":"userData","via":"desk"}}""",
            Old(LedgerEventCode.DemandCreated, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("kind", "userData"), ("country", "DE"), ("channel", "email"), ("demandSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), ("via", "desk"))),
        ["DemandCreatedBeforeVia"] = ("""{"seq":41,"code":1000,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"channel":"email","country":"DE","demandSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","kind":"userData"}}""",
            Old(LedgerEventCode.DemandCreated, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("kind", "userData"), ("country", "DE"), ("channel", "email"), ("demandSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))),
        ["DocumentUploaded"] = ("""{"seq":41,"code":1001,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"document":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","length":"2048","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
            Old(LedgerEventCode.DocumentUploaded, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("document", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), ("length", "2048"))),
        ["DemandAssessed"] = ("""{"seq":41,"code":1100,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"escalation":"false","policyVersion":"2026.11-3f2a","recommendation":"discloseNarrowed","requester":"unverifiedChannel","requiredApprovals":"1"}}""",
            Old(LedgerEventCode.DemandAssessed, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("recommendation", "discloseNarrowed"), ("policyVersion", "2026.11-3f2a"), ("escalation", "false"), ("requiredApprovals", "1"), ("requester", "unverifiedChannel"))),
        ["DecisionRecorded"] = ("""{"seq":41,"code":1200,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"categories":"subscriberInfo,ipLogs","decision":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","departs":"true","outcome":"discloseNarrowed","territories":"DE,AT"}}""",
            Old(LedgerEventCode.DecisionRecorded, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("decision", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("outcome", "discloseNarrowed"), ("departs", "true"), ("categories", "subscriberInfo,ipLogs"), ("territories", "DE,AT"))),
        ["DecisionApproved"] = ("""{"seq":41,"code":1201,"at":"2026-11-05T09:30:15.123Z","actor":"omar@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"approvals":"1","decision":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","required":"2"}}""",
            Old(LedgerEventCode.DecisionApproved, "omar@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("decision", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("approvals", "1"), ("required", "2"))),
        ["DecisionSentBack"] = ("""{"seq":41,"code":1202,"at":"2026-11-05T09:30:15.123Z","actor":"omar@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"decision":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Old(LedgerEventCode.DecisionSentBack, "omar@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("decision", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"))),
        ["DemandStateChanged"] = ("""{"seq":41,"code":1300,"at":"2026-11-05T09:30:15.123Z","actor":"omar@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"state":"decided"}}""",
            Old(LedgerEventCode.DemandStateChanged, "omar@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("state", "decided"))),
        ["DisclosurePackageCreated"] = ("""{"seq":41,"code":1301,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"items":"3","manifestSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","package":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Old(LedgerEventCode.DisclosurePackageCreated, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("package", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("manifestSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), ("items", "3"))),
        ["DemandClosed"] = ("""{"seq":41,"code":1302,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{}}""",
            Old(LedgerEventCode.DemandClosed, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["PackageReleased"] = ("""{"seq":41,"code":1303,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"expiresAt":"2026-11-12T09:30:15Z","package":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","release":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","requester":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8"}}""",
            Old(LedgerEventCode.PackageReleased, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("release", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("package", "3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"), ("requester", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8"), ("expiresAt", "2026-11-12T09:30:15Z"))),
        ["ClarificationRequested"] = ("""{"seq":41,"code":1310,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"clarification":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Old(LedgerEventCode.ClarificationRequested, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("clarification", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"))),
        ["ClarificationAnswered"] = ("""{"seq":41,"code":1311,"at":"2026-11-05T09:30:15.123Z","actor":"official-4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"clarification":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Old(LedgerEventCode.ClarificationAnswered, "official-4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("clarification", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"))),
        ["RequesterVerifiedByCallBack"] = ("""{"seq":41,"code":1320,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"method":"callBack"}}""",
            Old(LedgerEventCode.RequesterVerifiedByCallBack, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("method", "callBack"))),
        ["RequesterVerifiedByCallBackAtIntake"] = ("""{"seq":41,"code":1320,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"atIntake":"true","method":"callBack"}}""",
            Old(LedgerEventCode.RequesterVerifiedByCallBack, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("method", "callBack"), ("atIntake", "true"))),
        ["LetterGenerated"] = ("""{"seq":41,"code":1400,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"kind":"partial","language":"en","letter":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
            Old(LedgerEventCode.LetterGenerated, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("letter", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("kind", "partial"), ("language", "en"), ("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))),
        ["LetterEdited"] = ("""{"seq":41,"code":1401,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"letter":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
            Old(LedgerEventCode.LetterEdited, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("letter", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))),
        ["LetterSent"] = ("""{"seq":41,"code":1402,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"letter":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Old(LedgerEventCode.LetterSent, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("letter", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"))),
        ["NoticePlanned"] = ("""{"seq":41,"code":1500,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"earliest":"2027-05-05","notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","plan":"afterNonDisclosure"}}""",
            Old(LedgerEventCode.NoticePlanned, "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("notice", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("plan", "afterNonDisclosure"), ("earliest", "2027-05-05"))),
        ["NoticePlannedWithoutDate"] = ("""{"seq":41,"code":1500,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"earliest":null,"notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","plan":"beforeDisclosure"}}""",
            Old(LedgerEventCode.NoticePlanned, "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("notice", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("plan", "beforeDisclosure"), ("earliest", null))),
        ["NoticeQueued"] = ("""{"seq":41,"code":1501,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Old(LedgerEventCode.NoticeQueued, "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("notice", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"))),
        ["NoticeDelivered"] = ("""{"seq":41,"code":1502,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"attempts":"2","channel":"email","notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Old(LedgerEventCode.NoticeDelivered, "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("notice", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("channel", "email"), ("attempts", "2"))),
        ["NoticeDeadLettered"] = ("""{"seq":41,"code":1503,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"channel":"webhook","error":"timeout","message":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"}}""",
            Old(LedgerEventCode.NoticeDeadLettered, "system", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e", ("message", "3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"), ("channel", "webhook"), ("error", "timeout"))),
        ["NoticeDeadLetteredWithoutError"] = ("""{"seq":41,"code":1503,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"channel":"email","error":null,"message":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"}}""",
            Old(LedgerEventCode.NoticeDeadLettered, "system", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e", ("message", "3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"), ("channel", "email"), ("error", null))),
        ["NoticeDeadLetteredWithoutChannel"] = ("""{"seq":41,"code":1503,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"error":"no channel","notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Old(LedgerEventCode.NoticeDeadLettered, "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("notice", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("error", "no channel"))),
        ["NoticeReviewDue"] = ("""{"seq":41,"code":1504,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","reviewAt":"2027-02-01"}}""",
            Old(LedgerEventCode.NoticeReviewDue, "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("notice", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("reviewAt", "2027-02-01"))),
        ["AtRiskAdded"] = ("""{"seq":41,"code":1600,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"category":"journalist"}}""",
            Old(LedgerEventCode.AtRiskAdded, "lead@example.org", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e", ("category", "journalist"))),
        ["AtRiskRemoved"] = ("""{"seq":41,"code":1601,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"category":"journalist"}}""",
            Old(LedgerEventCode.AtRiskRemoved, "lead@example.org", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e", ("category", "journalist"))),
        ["DemandRead"] = ("""{"seq":41,"code":2000,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{}}""",
            Old(LedgerEventCode.DemandRead, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DocumentRead"] = ("""{"seq":41,"code":2001,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"document":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Old(LedgerEventCode.DocumentRead, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("document", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"))),
        ["DisclosurePackageRead"] = ("""{"seq":41,"code":2002,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"package":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Old(LedgerEventCode.DisclosurePackageRead, "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("package", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"))),
        ["AtRiskRead"] = ("""{"seq":41,"code":2003,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":null,"fields":{"count":"12"}}""",
            Old(LedgerEventCode.AtRiskRead, "lead@example.org", null, ("count", "12"))),
        ["PackageDownloaded"] = ("""{"seq":41,"code":2004,"at":"2026-11-05T09:30:15.123Z","actor":"official-4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"download":"1","package":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","release":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Old(LedgerEventCode.PackageDownloaded, "official-4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("release", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"), ("package", "3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"), ("download", "1"))),
        ["OfficialContactRead"] = ("""{"seq":41,"code":2005,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Old(LedgerEventCode.OfficialContactRead, "hana@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8")),
        ["ApiTokenCreated"] = ("""{"seq":41,"code":3000,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"kind":"machine","name":"platform-sync","prefix":"rd_3f2a1b","role":"platform"}}""",
            Old(LedgerEventCode.ApiTokenCreated, "admin@example.org", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e", ("name", "platform-sync"), ("role", "platform"), ("prefix", "rd_3f2a1b"), ("kind", "machine"))),
        ["ApiTokenCreatedBeforeKind"] = ("""{"seq":41,"code":3000,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"name":"platform-sync","prefix":"rd_3f2a1b","role":"platform"}}""",
            Old(LedgerEventCode.ApiTokenCreated, "admin@example.org", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e", ("name", "platform-sync"), ("role", "platform"), ("prefix", "rd_3f2a1b"))),
        ["ApiTokenRevoked"] = ("""{"seq":41,"code":3001,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"prefix":"rd_3f2a1b"}}""",
            Old(LedgerEventCode.ApiTokenRevoked, "admin@example.org", "0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e", ("prefix", "rd_3f2a1b"))),
        ["KeysRotated"] = ("""{"seq":41,"code":3100,"at":"2026-11-05T09:30:15.123Z","actor":"console:ops","subject":null,"fields":{"current":"k-20261105","previous":"k-20260101","rewrapped":"240","step":"rotate","unreadable":"0"}}""",
            Old(LedgerEventCode.KeysRotated, "console:ops", null, ("step", "rotate"), ("current", "k-20261105"), ("previous", "k-20260101"), ("rewrapped", "240"), ("unreadable", "0"))),
        ["KeysRetired"] = ("""{"seq":41,"code":3100,"at":"2026-11-05T09:30:15.123Z","actor":"console:ops","subject":null,"fields":{"current":"k-20261105","retired":"k-20260101","step":"retire"}}""",
            Old(LedgerEventCode.KeysRotated, "console:ops", null, ("step", "retire"), ("current", "k-20261105"), ("retired", "k-20260101"))),
        ["AccountCreated"] = ("""{"seq":41,"code":3200,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"kind":"staff","role":"legalReviewer"}}""",
            Old(LedgerEventCode.AccountCreated, "admin@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", ("role", "legalReviewer"), ("kind", "staff"))),
        ["AccountEnrolled"] = ("""{"seq":41,"code":3201,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Old(LedgerEventCode.AccountEnrolled, "hana@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8")),
        ["AccountRoleChanged"] = ("""{"seq":41,"code":3202,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"from":"legalReviewer","to":"approver"}}""",
            Old(LedgerEventCode.AccountRoleChanged, "admin@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", ("from", "legalReviewer"), ("to", "approver"))),
        ["AccountDisabled"] = ("""{"seq":41,"code":3203,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Old(LedgerEventCode.AccountDisabled, "admin@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8")),
        ["OfficialSuspended"] = ("""{"seq":41,"code":3203,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"from":"verified","portal":"suspended"}}""",
            Old(LedgerEventCode.AccountDisabled, "hana@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", ("portal", "suspended"), ("from", "verified"))),
        ["AccountEnabled"] = ("""{"seq":41,"code":3204,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Old(LedgerEventCode.AccountEnabled, "admin@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8")),
        ["EnrolmentReset"] = ("""{"seq":41,"code":3205,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Old(LedgerEventCode.EnrolmentReset, "admin@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8")),
        ["EnrolmentResetByPortal"] = ("""{"seq":41,"code":3205,"at":"2026-11-05T09:30:15.123Z","actor":"anonymous","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"via":"portalRegistration"}}""",
            Old(LedgerEventCode.EnrolmentReset, "anonymous", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", ("via", "portalRegistration"))),
        ["SignedIn"] = ("""{"seq":41,"code":3206,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Old(LedgerEventCode.SignedIn, "hana@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8")),
        ["SignInLockedOut"] = ("""{"seq":41,"code":3207,"at":"2026-11-05T09:30:15.123Z","actor":"anonymous","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Old(LedgerEventCode.SignInLockedOut, "anonymous", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8")),
        ["StepUpVerified"] = ("""{"seq":41,"code":3208,"at":"2026-11-05T09:30:15.123Z","actor":"omar@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"purpose":"approve"}}""",
            Old(LedgerEventCode.StepUpVerified, "omar@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", ("purpose", "approve"))),
        ["OfficialRegistered"] = ("""{"seq":41,"code":3250,"at":"2026-11-05T09:30:15.123Z","actor":"anonymous","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"authorityType":"lawEnforcement","country":"DE","emailDomain":"polizei.bund.de"}}""",
            Old(LedgerEventCode.OfficialRegistered, "anonymous", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", ("country", "DE"), ("authorityType", "lawEnforcement"), ("emailDomain", "polizei.bund.de"))),
        ["OfficialVerified"] = ("""{"seq":41,"code":3251,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"country":"DE","method":"callBack","reinstated":"false"}}""",
            Old(LedgerEventCode.OfficialVerified, "hana@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", ("method", "callBack"), ("country", "DE"), ("reinstated", "false"))),
        ["OfficialRejected"] = ("""{"seq":41,"code":3252,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"from":"pending","portal":"rejected"}}""",
            Old(LedgerEventCode.OfficialRejected, "hana@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", ("portal", "rejected"), ("from", "pending"))),
        ["OfficialFlagged"] = ("""{"seq":41,"code":3253,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"flag":"forged","previous":"none"}}""",
            Old(LedgerEventCode.OfficialFlagged, "hana@example.org", "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", ("flag", "forged"), ("previous", "none"))),
        ["PolicyChanged"] = ("""{"seq":41,"code":3500,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"offences.json","fields":{"policyVersion":"2026.11-3f2a","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
            Old(LedgerEventCode.PolicyChanged, "admin@example.org", "offences.json", ("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), ("policyVersion", "2026.11-3f2a"))),
    };

    /// <summary>Codes no release has written: there are no stored bytes to keep.</summary>
    private static readonly LedgerEventCode[] NeverWritten = [LedgerEventCode.NoticeCancelled];

    public static TheoryData<string> Names() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_event_keeps_its_canonical_bytes(string name)
    {
        var (expected, actual) = Cases[name];
        Assert.Equal(expected, actual());
    }

    [Fact]
    public void Every_code_ever_written_has_a_golden_case()
    {
        var covered = Cases.Values.Select(c => Code(c.Expected)).ToHashSet();
        var missing = Enum.GetValues<LedgerEventCode>().Where(c => !covered.Contains((int)c) && !NeverWritten.Contains(c)).ToList();
        Assert.Empty(missing);
    }

    private static int Code(string canonical) =>
        System.Text.Json.JsonDocument.Parse(canonical).RootElement.GetProperty("code").GetInt32();

    private static Func<string> Old(LedgerEventCode code, string actor, string? subject, params (string Key, string? Value)[] fields) =>
        () => LedgerWriter.Canonical(Seq, (int)code, At, actor, subject, fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
}
