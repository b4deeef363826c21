using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Pushback;
using RightsDesk.Core.Ledger.Events;

namespace RightsDesk.Core.Tests.Ledger;

/// <summary>
/// The exact canonical bytes of every event shape the ledger has ever written, for fixed inputs. A leaf hash covers
/// these bytes, so an event that serialised differently tomorrow would make `ledger verify` reject yesterday's rows
/// re-derived by today's code. The expected strings were taken from the code as it wrote them (dictionaries built at
/// each call site, before events were typed) and must never change; only the way the event is built may.
/// </summary>
public sealed class LedgerGoldenTests
{
    private const long Seq = 41;
    private const string H = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string U = "4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8";
    private static readonly DateTimeOffset At = new(2026, 11, 5, 9, 30, 15, 123, TimeSpan.Zero);
    private static readonly Guid X = Guid.Parse("0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e");
    private static readonly Guid Y = Guid.Parse("3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f");

    private static readonly Dictionary<string, (string Expected, Func<string> Actual)> Cases = new(StringComparer.Ordinal)
    {
        ["DemandCreated"] = ("""{"seq":41,"code":1000,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"channel":"email","country":"DE","demandSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","kind":"userData","via":"desk"}}""",
            Typed(new DemandCreated(DemandKind.UserData, "DE", Channel.Email, H, "desk"), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DemandCreatedBeforeVia"] = ("""{"seq":41,"code":1000,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"channel":"email","country":"DE","demandSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","kind":"userData"}}""",
            Typed(new DemandCreated(DemandKind.UserData, "DE", Channel.Email, H), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DocumentUploaded"] = ("""{"seq":41,"code":1001,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"document":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","length":"2048","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
            Typed(new DocumentUploaded(X, H, 2048), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DemandAssessed"] = ("""{"seq":41,"code":1100,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"escalation":"false","policyVersion":"2026.11-3f2a","recommendation":"discloseNarrowed","requester":"unverifiedChannel","requiredApprovals":"1"}}""",
            Typed(new DemandAssessed(Recommendation.DiscloseNarrowed, "2026.11-3f2a", false, 1, RequesterStatus.UnverifiedChannel), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DecisionRecorded"] = ("""{"seq":41,"code":1200,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"categories":"subscriberInfo,ipLogs","decision":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","departs":"true","outcome":"discloseNarrowed","territories":"DE,AT"}}""",
            Typed(new DecisionRecorded(X, Recommendation.DiscloseNarrowed, true, [DataCategory.SubscriberInfo, DataCategory.IpLogs], ["DE", "AT"]), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DecisionApproved"] = ("""{"seq":41,"code":1201,"at":"2026-11-05T09:30:15.123Z","actor":"omar@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"approvals":"1","decision":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","required":"2"}}""",
            Typed(new DecisionApproved(X, 1, 2), "omar@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DecisionSentBack"] = ("""{"seq":41,"code":1202,"at":"2026-11-05T09:30:15.123Z","actor":"omar@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"decision":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new DecisionSentBack(X), "omar@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DemandStateChanged"] = ("""{"seq":41,"code":1300,"at":"2026-11-05T09:30:15.123Z","actor":"omar@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"state":"decided"}}""",
            Typed(new DemandStateChanged(DemandState.Decided), "omar@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DisclosurePackageCreated"] = ("""{"seq":41,"code":1301,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"items":"3","manifestSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","package":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new DisclosurePackageCreated(X, H, 3), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DemandClosed"] = ("""{"seq":41,"code":1302,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{}}""",
            Typed(new DemandClosed(), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["PackageReleased"] = ("""{"seq":41,"code":1303,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"expiresAt":"2026-11-12T09:30:15Z","package":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","release":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","requester":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8"}}""",
            Typed(new PackageReleased(X, Y, U, new DateTimeOffset(2026, 11, 12, 9, 30, 15, 456, TimeSpan.Zero)), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["ClarificationRequested"] = ("""{"seq":41,"code":1310,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"clarification":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new ClarificationRequested(X), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["ClarificationAnswered"] = ("""{"seq":41,"code":1311,"at":"2026-11-05T09:30:15.123Z","actor":"official-4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"clarification":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new ClarificationAnswered(X), "official-4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["RequesterVerifiedByCallBack"] = ("""{"seq":41,"code":1320,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"method":"callBack"}}""",
            Typed(new RequesterVerifiedByCallBack(), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["RequesterVerifiedByCallBackAtIntake"] = ("""{"seq":41,"code":1320,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"atIntake":"true","method":"callBack"}}""",
            Typed(new RequesterVerifiedByCallBack(AtIntake: true), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["LetterGenerated"] = ("""{"seq":41,"code":1400,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"kind":"partial","language":"en","letter":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
            Typed(new LetterGenerated(X, "partial", "en", H), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["LetterEdited"] = ("""{"seq":41,"code":1401,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"letter":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
            Typed(new LetterEdited(X, H), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["LetterSent"] = ("""{"seq":41,"code":1402,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"letter":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new LetterSent(X), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["LetterSentWithPdf"] = ("""{"seq":41,"code":1402,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"letter":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","pdfSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","via":"outbox"}}""",
            Typed(new LetterSent(X, H, "outbox"), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["LetterSentToCallBackAddress"] = ("""{"seq":41,"code":1402,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"letter":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","pdfSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","route":"callBack","via":"outbox"}}""",
            Typed(new LetterSent(X, H, "outbox", "callBack"), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["ReceiptAcknowledged"] = ("""{"seq":41,"code":1403,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"authorityType":"lawEnforcement","country":"DE","emergency":"false","hours":"26","kind":"userData","legalProcess":"courtOrder","letter":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","receivedAt":"2026-11-04T07:00:00Z","receivedOn":"2026-11-04"}}""",
            Typed(new ReceiptAcknowledged(X, new DateTimeOffset(2026, 11, 4, 7, 0, 0, TimeSpan.Zero), 26,
                new DemandDimensions(DemandKind.UserData, "DE", AuthorityType.LawEnforcement, LegalProcess.CourtOrder, false, new DateOnly(2026, 11, 4))), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["RequesterVerifiedByCallBackWithAddress"] = ("""{"seq":41,"code":1320,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"addressConfirmed":"true","method":"callBack"}}""",
            Typed(new RequesterVerifiedByCallBack(AddressConfirmed: true), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["LetterRead"] = ("""{"seq":41,"code":2006,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"format":"pdf","letter":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new LetterRead(X, "pdf"), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["NoticePlanned"] = ("""{"seq":41,"code":1500,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"earliest":"2027-05-05","notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","plan":"afterNonDisclosure"}}""",
            Typed(new NoticePlanned(X, NoticePlan.AfterNonDisclosure, new DateOnly(2027, 5, 5)), "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["NoticePlannedWithoutDate"] = ("""{"seq":41,"code":1500,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"earliest":null,"notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","plan":"beforeDisclosure"}}""",
            Typed(new NoticePlanned(X, NoticePlan.BeforeDisclosure, null), "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["NoticeQueued"] = ("""{"seq":41,"code":1501,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new NoticeQueued(X), "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["NoticeDelivered"] = ("""{"seq":41,"code":1502,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"attempts":"2","channel":"email","notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new NoticeDelivered(X, "email", 2), "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["NoticeDeadLettered"] = ("""{"seq":41,"code":1503,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"channel":"webhook","error":"timeout","message":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"}}""",
            Typed(new NoticeDeadLettered("timeout", Message: Y, Channel: "webhook"), "system", X.ToString())),
        ["OutboxRetried"] = ("""{"seq":41,"code":1510,"at":"2026-11-05T09:30:15.123Z","actor":"lena@desk.example","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"message":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","reasonSha256":"abababababababababababababababababababababababababababababababab","subject":null,"topic":"portal-mail"}}""",
            Typed(new OutboxRetried(Y, "portal-mail", null, "abababababababababababababababababababababababababababababababab"), "lena@desk.example", X.ToString())),
        ["OutboxCancelled"] = ("""{"seq":41,"code":1511,"at":"2026-11-05T09:30:15.123Z","actor":"lena@desk.example","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"message":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","reasonSha256":"abababababababababababababababababababababababababababababababab","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","topic":"notice"}}""",
            Typed(new OutboxCancelled(Y, "notice", X.ToString(), "abababababababababababababababababababababababababababababababab"), "lena@desk.example", X.ToString())),
        ["DemandAssigned"] = ("""{"seq":41,"code":1340,"at":"2026-11-05T09:30:15.123Z","actor":"lead@desk.example","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"byLead":"false","from":null,"restricted":"true","to":"alice@desk.example","toId":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"}}""",
            Typed(new DemandAssigned("alice@desk.example", Y.ToString(), null, true, false), "lead@desk.example", X.ToString())),
        ["DemandNoteAdded"] = ("""{"seq":41,"code":1341,"at":"2026-11-05T09:30:15.123Z","actor":"alice@desk.example","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"length":"42","note":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"}}""",
            Typed(new DemandNoteAdded(Y, 42), "alice@desk.example", X.ToString())),
        ["DemandListExported"] = ("""{"seq":41,"code":2020,"at":"2026-11-05T09:30:15.123Z","actor":"alice@desk.example","subject":null,"fields":{"filterSha256":"cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd","rows":"17"}}""",
            Typed(new DemandListExported(17, "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"), "alice@desk.example", null)),
        ["DemandTargetSearched"] = ("""{"seq":41,"code":2021,"at":"2026-11-05T09:30:15.123Z","actor":"alice@desk.example","subject":null,"fields":{}}""",
            Typed(new DemandTargetSearched(), "alice@desk.example", null)),
        ["NoticeDeadLetteredWithoutError"] = ("""{"seq":41,"code":1503,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"channel":"email","error":null,"message":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"}}""",
            Typed(new NoticeDeadLettered(null, Message: Y, Channel: "email"), "system", X.ToString())),
        ["NoticeDeadLetteredWithoutChannel"] = ("""{"seq":41,"code":1503,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"error":"no channel","notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new NoticeDeadLettered("no channel", Notice: X), "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["NoticeReviewDue"] = ("""{"seq":41,"code":1504,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"notice":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","reviewAt":"2027-02-01"}}""",
            Typed(new NoticeReviewDue(X, new DateOnly(2027, 2, 1)), "system", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["AtRiskAdded"] = ("""{"seq":41,"code":1600,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"category":"journalist"}}""",
            Typed(new AtRiskAdded("journalist"), "lead@example.org", X.ToString())),
        ["AtRiskRemoved"] = ("""{"seq":41,"code":1601,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"category":"journalist"}}""",
            Typed(new AtRiskRemoved("journalist"), "lead@example.org", X.ToString())),
        ["DemandRead"] = ("""{"seq":41,"code":2000,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{}}""",
            Typed(new DemandRead(), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DocumentRead"] = ("""{"seq":41,"code":2001,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"document":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new DocumentRead(X), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["DisclosurePackageRead"] = ("""{"seq":41,"code":2002,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"package":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new DisclosurePackageRead(X), "hana@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["AtRiskRead"] = ("""{"seq":41,"code":2003,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":null,"fields":{"count":"12"}}""",
            Typed(new AtRiskRead(12), "lead@example.org", null)),
        ["PackageDownloaded"] = ("""{"seq":41,"code":2004,"at":"2026-11-05T09:30:15.123Z","actor":"official-4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"download":"1","package":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","release":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new PackageDownloaded(X, Y, 1), "official-4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["OfficialContactRead"] = ("""{"seq":41,"code":2005,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Typed(new OfficialContactRead(), "hana@example.org", U)),
        ["ApiTokenCreated"] = ("""{"seq":41,"code":3000,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"kind":"machine","name":"platform-sync","prefix":"rd_3f2a1b","role":"platform"}}""",
            Typed(new ApiTokenCreated("platform-sync", "platform", "rd_3f2a1b", "machine"), "admin@example.org", X.ToString())),
        ["ApiTokenCreatedBeforeKind"] = ("""{"seq":41,"code":3000,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"name":"platform-sync","prefix":"rd_3f2a1b","role":"platform"}}""",
            Typed(new ApiTokenCreated("platform-sync", "platform", "rd_3f2a1b"), "admin@example.org", X.ToString())),
        ["ApiTokenRevoked"] = ("""{"seq":41,"code":3001,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"prefix":"rd_3f2a1b"}}""",
            Typed(new ApiTokenRevoked("rd_3f2a1b"), "admin@example.org", X.ToString())),
        ["KeysRotated"] = ("""{"seq":41,"code":3100,"at":"2026-11-05T09:30:15.123Z","actor":"console:ops","subject":null,"fields":{"current":"k-20261105","previous":"k-20260101","rewrapped":"240","step":"rotate","unreadable":"0"}}""",
            Typed(new KeysRotated("k-20261105", ["k-20260101"], 240, 0), "console:ops", null)),
        ["KeysRetired"] = ("""{"seq":41,"code":3100,"at":"2026-11-05T09:30:15.123Z","actor":"console:ops","subject":null,"fields":{"current":"k-20261105","retired":"k-20260101","step":"retire"}}""",
            Typed(new KeysRetired("k-20261105", ["k-20260101"]), "console:ops", null)),
        ["AccountCreated"] = ("""{"seq":41,"code":3200,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"kind":"staff","role":"legalReviewer"}}""",
            Typed(new AccountCreated("legalReviewer"), "admin@example.org", U)),
        ["AccountEnrolled"] = ("""{"seq":41,"code":3201,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Typed(new AccountEnrolled(), "hana@example.org", U)),
        ["AccountRoleChanged"] = ("""{"seq":41,"code":3202,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"from":"legalReviewer","to":"approver"}}""",
            Typed(new AccountRoleChanged(["legalReviewer"], "approver"), "admin@example.org", U)),
        ["AccountDisabled"] = ("""{"seq":41,"code":3203,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Typed(new AccountDisabled(), "admin@example.org", U)),
        ["OfficialSuspended"] = ("""{"seq":41,"code":3203,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"from":"verified","portal":"suspended"}}""",
            Typed(new AccountDisabled("suspended", "verified"), "hana@example.org", U)),
        ["AccountEnabled"] = ("""{"seq":41,"code":3204,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Typed(new AccountEnabled(), "admin@example.org", U)),
        ["EnrolmentReset"] = ("""{"seq":41,"code":3205,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Typed(new EnrolmentReset(), "admin@example.org", U)),
        ["EnrolmentResetByPortal"] = ("""{"seq":41,"code":3205,"at":"2026-11-05T09:30:15.123Z","actor":"anonymous","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"via":"portalRegistration"}}""",
            Typed(new EnrolmentReset(Via: "portalRegistration"), "anonymous", U)),
        ["SignedIn"] = ("""{"seq":41,"code":3206,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Typed(new SignedIn(), "hana@example.org", U)),
        ["SignInLockedOut"] = ("""{"seq":41,"code":3207,"at":"2026-11-05T09:30:15.123Z","actor":"anonymous","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{}}""",
            Typed(new SignInLockedOut(), "anonymous", U)),
        ["StepUpVerified"] = ("""{"seq":41,"code":3208,"at":"2026-11-05T09:30:15.123Z","actor":"omar@example.org","subject":"6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b","fields":{"purpose":"approve"}}""",
            Typed(new StepUpVerified("approve"), "omar@example.org", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")),
        ["RecoveryCodesIssued"] = ("""{"seq":41,"code":3209,"at":"2026-11-05T09:30:15.123Z","actor":"official-4d2f0a1e","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"count":"10"}}""",
            Typed(new RecoveryCodesIssued(10), "official-4d2f0a1e", U)),
        ["RecoveryCodeUsed"] = ("""{"seq":41,"code":3210,"at":"2026-11-05T09:30:15.123Z","actor":"official-4d2f0a1e","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"remaining":"9"}}""",
            Typed(new RecoveryCodeUsed(9), "official-4d2f0a1e", U)),
        ["OfficialAuthenticatorReset"] = ("""{"seq":41,"code":3254,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"from":"verified","linkSentTo":"registeredAddress","portal":"pending"}}""",
            Typed(new OfficialAuthenticatorReset("verified"), "hana@example.org", U)),
        ["OfficialRegistered"] = ("""{"seq":41,"code":3250,"at":"2026-11-05T09:30:15.123Z","actor":"anonymous","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"authorityType":"lawEnforcement","country":"DE","emailDomain":"polizei.bund.de"}}""",
            Typed(new OfficialRegistered("DE", AuthorityType.LawEnforcement, "polizei.bund.de"), "anonymous", U)),
        ["OfficialVerified"] = ("""{"seq":41,"code":3251,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"country":"DE","method":"callBack","reinstated":"false"}}""",
            Typed(new OfficialVerified("DE", false), "hana@example.org", U)),
        ["OfficialRejected"] = ("""{"seq":41,"code":3252,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"from":"pending","portal":"rejected"}}""",
            Typed(new OfficialRejected("rejected", "pending"), "hana@example.org", U)),
        ["OfficialFlagged"] = ("""{"seq":41,"code":3253,"at":"2026-11-05T09:30:15.123Z","actor":"hana@example.org","subject":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","fields":{"flag":"forged","previous":"none"}}""",
            Typed(new OfficialFlagged("forged", "none"), "hana@example.org", U)),
        ["PolicyChanged"] = ("""{"seq":41,"code":3500,"at":"2026-11-05T09:30:15.123Z","actor":"admin@example.org","subject":"offences.json","fields":{"policyVersion":"2026.11-3f2a","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
            Typed(new PolicyChanged(H, "2026.11-3f2a"), "admin@example.org", "offences.json")),
        ["AtRiskPersonProposed"] = ("""{"seq":41,"code":5000,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"category":"journalist","consent":"true","identifiers":"3","source":"partnerNomination","visibleTo":"leadAndResponders"}}""",
            Typed(new AtRiskPersonProposed("journalist", RightsDesk.Core.Defenders.AtRiskSource.PartnerNomination, true, 3, RightsDesk.Core.Defenders.AtRiskVisibility.LeadAndResponders), "lead@example.org", X.ToString())),
        ["AtRiskPersonApproved"] = ("""{"seq":41,"code":5001,"at":"2026-11-05T09:30:15.123Z","actor":"responder@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"category":"journalist"}}""",
            Typed(new AtRiskPersonApproved("journalist"), "responder@example.org", X.ToString())),
        ["AtRiskRemovalProposed"] = ("""{"seq":41,"code":5002,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"category":"lawyer"}}""",
            Typed(new AtRiskRemovalProposed("lawyer"), "lead@example.org", X.ToString())),
        ["AtRiskPersonRemoved"] = ("""{"seq":41,"code":5003,"at":"2026-11-05T09:30:15.123Z","actor":"responder@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"category":"lawyer"}}""",
            Typed(new AtRiskPersonRemoved("lawyer"), "responder@example.org", X.ToString())),
        ["AtRiskRegistryRead"] = ("""{"seq":41,"code":5004,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":null,"fields":{"identifiers":"7","people":"3"}}""",
            Typed(new AtRiskRegistryRead(3, 7), "lead@example.org", null)),
        ["AtRiskEntryMigrated"] = ("""{"seq":41,"code":5005,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"category":"journalist","kind":"handle"}}""",
            Typed(new AtRiskEntryMigrated("journalist", RightsDesk.Core.Defenders.IdentifierKind.Handle), "system", X.ToString())),
        ["ModerationDecisionRecorded"] = ("""{"seq":41,"code":4000,"at":"2026-11-05T09:30:15.123Z","actor":"token:platform-sync","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"action":"hold","automated":"AUTOMATED_DECISION_FULLY","category":"STATEMENT_CATEGORY_VIOLENCE","demand":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","eea":"true","findings":"ladder.indefiniteAccountMeasure,ladder.automatedAccountMeasure","ground":"DECISION_GROUND_ILLEGAL_CONTENT","policyVersion":"2026.11-3f2a","rung":"suspend","source":"SOURCE_TYPE_OTHER_NOTIFICATION"}}""",
            Typed(new ModerationDecisionRecorded("STATEMENT_CATEGORY_VIOLENCE", "DECISION_GROUND_ILLEGAL_CONTENT", "SOURCE_TYPE_OTHER_NOTIFICATION", "AUTOMATED_DECISION_FULLY", "suspend", "hold",
                "ladder.indefiniteAccountMeasure,ladder.automatedAccountMeasure", true, "2026.11-3f2a", Y), "token:platform-sync", X.ToString())),
        ["ModerationDecisionRecordedWithoutDemand"] = ("""{"seq":41,"code":4000,"at":"2026-11-05T09:30:15.123Z","actor":"token:platform-sync","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"action":"apply","automated":"AUTOMATED_DECISION_NOT_AUTOMATED","category":"STATEMENT_CATEGORY_SCAMS_AND_FRAUD","demand":null,"eea":"false","findings":"","ground":"DECISION_GROUND_INCOMPATIBLE_CONTENT","policyVersion":"2026.11-3f2a","rung":"remove","source":"SOURCE_VOLUNTARY"}}""",
            Typed(new ModerationDecisionRecorded("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "DECISION_GROUND_INCOMPATIBLE_CONTENT", "SOURCE_VOLUNTARY", "AUTOMATED_DECISION_NOT_AUTOMATED", "remove", "apply",
                "", false, "2026.11-3f2a", null), "token:platform-sync", X.ToString())),
        ["ModerationDecisionConfirmed"] = ("""{"seq":41,"code":4001,"at":"2026-11-05T09:30:15.123Z","actor":"tess@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"rung":"suspend"}}""",
            Typed(new ModerationDecisionConfirmed("suspend"), "tess@example.org", X.ToString())),
        ["ModerationDecisionLifted"] = ("""{"seq":41,"code":4002,"at":"2026-11-05T09:30:15.123Z","actor":"tess@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"reasonSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","rung":"terminate"}}""",
            Typed(new ModerationDecisionLifted("terminate", H), "tess@example.org", X.ToString())),
        ["ModerationDecisionRead"] = ("""{"seq":41,"code":4003,"at":"2026-11-05T09:30:15.123Z","actor":"tess@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{}}""",
            Typed(new ModerationDecisionRead(), "tess@example.org", X.ToString())),
        ["StatementOfReasonsIssued"] = ("""{"seq":41,"code":4010,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"appealBy":"2027-05-07","gagUntil":"2026-12-31","government":"withheld","language":"fr","statement":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","version":"1"}}""",
            Typed(new StatementOfReasonsIssued(Y, 1, "fr", "withheld", new DateOnly(2027, 5, 7), new DateOnly(2026, 12, 31)), "system", X.ToString())),
        ["StatementOfReasonsIssuedSaid"] = ("""{"seq":41,"code":4010,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"appealBy":"2027-05-07","gagUntil":null,"government":"said","language":"en","statement":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","version":"2"}}""",
            Typed(new StatementOfReasonsIssued(Y, 2, "en", "said", new DateOnly(2027, 5, 7), null), "system", X.ToString())),
        // Appeals (41xx): the decision's id, enums and hashes, never the appellant's words or the code.
        ["AppealCodeIssued"] = ("""{"seq":41,"code":4100,"at":"2026-11-05T09:30:15.123Z","actor":"token:platform-sync","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"decision":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new AppealCodeIssued(X), "token:platform-sync", X.ToString())),
        ["AppealSubmitted"] = ("""{"seq":41,"code":4101,"at":"2026-11-05T09:30:15.123Z","actor":"system:public-appeal","subject":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","fields":{"channel":"public","decision":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","language":"ar","newInformation":"true","statementSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
            Typed(new AppealSubmitted(X, RightsDesk.Core.Appeals.AppealChannel.Public, "ar", true, H), "system:public-appeal", Y.ToString())),
        ["AppealAssigned"] = ("""{"seq":41,"code":4102,"at":"2026-11-05T09:30:15.123Z","actor":"tess@example.org","subject":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","fields":{"decision":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","reviewer":"rita@example.org"}}""",
            Typed(new AppealAssigned(X, "rita@example.org"), "tess@example.org", Y.ToString())),
        ["AppealDecided"] = ("""{"seq":41,"code":4103,"at":"2026-11-05T09:30:15.123Z","actor":"rita@example.org","subject":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","fields":{"decision":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","outcome":"reversed","reasonsSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","restrictionLifted":"true"}}""",
            Typed(new AppealDecided(X, RightsDesk.Core.Appeals.AppealOutcome.Reversed, true, H), "rita@example.org", Y.ToString())),
        ["AppealRead"] = ("""{"seq":41,"code":4104,"at":"2026-11-05T09:30:15.123Z","actor":"rita@example.org","subject":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","fields":{"decision":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e"}}""",
            Typed(new AppealRead(X), "rita@example.org", Y.ToString())),
        ["DsaStatementsExported"] = ("""{"seq":41,"code":4200,"at":"2026-11-05T09:30:15.123Z","actor":"console:lena","subject":"dsa-export","fields":{"batches":"2","batchesSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","emailsRedacted":"3","from":"2026-01-01","invalid":"1","outsideEea":"40","phonesRedacted":"2","statements":"180","to":"2026-06-30"}}""",
            Typed(new DsaStatementsExported(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 180, 2, 1, 40, 3, 2, H), "console:lena", "dsa-export")),
        ["DsaSubmissionCompleted"] = ("""{"seq":41,"code":4201,"at":"2026-11-05T09:30:15.123Z","actor":"console:lena","subject":"dsa-submission","fields":{"alreadyThere":"3","complete":"true","confirmed":"183","host":"transparency.dsa.ec.europa.eu","pending":"0","refused":"1","submitted":"180"}}""",
            Typed(new DsaSubmissionCompleted("transparency.dsa.ec.europa.eu", 180, 3, 1, 183, 0, true), "console:lena", "dsa-submission")),
        ["LumenNoticesExported"] = ("""{"seq":41,"code":4202,"at":"2026-11-05T09:30:15.123Z","actor":"console:lena","subject":"lumen-export","fields":{"accountsRedacted":"3","courtOrders":"1","emailsRedacted":"1","from":"2026-01-01","governmentRequests":"2","heldByNonDisclosure":"1","notices":"3","noticesSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","officialsOmitted":"3","phonesRedacted":"1","skippedAwaitingApproval":"1","skippedNoDecision":"2","skippedWaitingForAuthority":"0","to":"2026-06-30"}}""",
            Typed(new LumenNoticesExported(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 3, 1, 2, 3, 1, 1, 3, 2, 1, 0, 1, H), "console:lena", "lumen-export")),
        ["TransparencyReportPublished"] = ("""{"seq":41,"code":6000,"at":"2026-11-05T09:30:15.123Z","actor":"console:lena","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"figuresSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","file:report.csv":"abababababababababababababababababababababababababababababababab","file:report.json":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","parametersSha256":"abababababababababababababababababababababababababababababababab","period":"2026-H1","policyVersion":"2026.11-3f2a","records":"12","recordsRoot":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","treeRoot":"abababababababababababababababababababababababababababababababab","treeSize":"120","version":"2"}}""",
            Typed(new TransparencyReportPublished("2026-H1", 2, 120, "abababababababababababababababababababababababababababababababab", "2026.11-3f2a", "abababababababababababababababababababababababababababababababab", H, 12, H,
                new Dictionary<string, string> { ["report.json"] = H, ["report.csv"] = "abababababababababababababababababababababababababababababababab" }), "console:lena", X.ToString())),

        // Impact assessments (7xxx): ids, enums, countries, counts and hashes only, never the words.
        ["ImpactAssessmentCreated"] = ("""{"seq":41,"code":7000,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","countries":"KE,TZ","nextReviewDue":"2027-06-30","phase":"planningAndScoping","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","trigger":"marketEntry"}}""",
             Typed(new ImpactAssessmentCreated(X, AssessmentTrigger.MarketEntry, AssessmentPhase.PlanningAndScoping, ["KE", "TZ"], new DateOnly(2027, 6, 30), H), "lead@example.org", X.ToString())),
        ["ImpactPhaseChanged"] = ("""{"seq":41,"code":7001,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","from":"planningAndScoping","to":"analysingImpacts"}}""",
             Typed(new ImpactPhaseChanged(X, AssessmentPhase.PlanningAndScoping, AssessmentPhase.AnalysingImpacts), "lead@example.org", X.ToString())),
        ["ImpactRiskAdded"] = ("""{"seq":41,"code":7010,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","involvement":"contribute","likelihood":"2","nature":"potential","rights":"iccpr-19,iccpr-17","risk":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","severity":"13","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
             Typed(new ImpactRiskAdded(X, Y, ImpactNature.Potential, Involvement.Contribute, 13, 2, ["iccpr-19", "iccpr-17"], H), "lead@example.org", X.ToString())),
        ["ImpactRiskAddedActual"] = ("""{"seq":41,"code":7010,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","involvement":"cause","likelihood":null,"nature":"actual","rights":"iccpr-17","risk":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","severity":"9","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
             Typed(new ImpactRiskAdded(X, Y, ImpactNature.Actual, Involvement.Cause, 9, null, ["iccpr-17"], H), "lead@example.org", X.ToString())),
        ["ImpactMitigationAdded"] = ("""{"seq":41,"code":7020,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","due":"2027-01-31","measure":"contentModeration","mitigation":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","risks":"2","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
             Typed(new ImpactMitigationAdded(X, Y, MitigationMeasure.ContentModeration, new DateOnly(2027, 1, 31), 2, H), "lead@example.org", X.ToString())),
        ["ImpactMitigationStatusChanged"] = ("""{"seq":41,"code":7021,"at":"2026-11-05T09:30:15.123Z","actor":"omar@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","evidence":"1","from":"implemented","mitigation":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","to":"verified"}}""",
             Typed(new ImpactMitigationStatusChanged(X, Y, MitigationStatus.Implemented, MitigationStatus.Verified, 1, H), "omar@example.org", X.ToString())),
        ["ImpactConsultationRecorded"] = ("""{"seq":41,"code":7030,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","consultation":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","country":"KE","group":"journalists","method":"focusGroup","participants":"8","risks":"2"}}""",
             Typed(new ImpactConsultationRecorded(X, Y, "journalists", "KE", ConsultationMethod.FocusGroup, 8, 2), "lead@example.org", X.ToString())),
        ["ImpactConsultationsRead"] = ("""{"seq":41,"code":7031,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","count":"3"}}""",
             Typed(new ImpactConsultationsRead(X, 3), "lead@example.org", X.ToString())),
        ["ImpactReviewRecorded"] = ("""{"seq":41,"code":7040,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","cause":"benchmarkOffTarget","kind":"triggered","nextReviewDue":"2027-06-30","review":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}""",
             Typed(new ImpactReviewRecorded(X, Y, ReviewKind.Triggered, ReviewCause.BenchmarkOffTarget, new DateOnly(2027, 6, 30), H), "lead@example.org", X.ToString())),
        ["ImpactReviewSignedOff"] = ("""{"seq":41,"code":7041,"at":"2026-11-05T09:30:15.123Z","actor":"omar@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","nextReviewDue":"2027-06-30","review":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"}}""",
             Typed(new ImpactReviewSignedOff(X, Y, new DateOnly(2027, 6, 30)), "omar@example.org", X.ToString())),
        ["ImpactReviewRaised"] = ("""{"seq":41,"code":7042,"at":"2026-11-05T09:30:15.123Z","actor":"system","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","benchmark":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","cause":"benchmarkOffTarget","review":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"}}""",
             Typed(new ImpactReviewRaised(X, Y, ReviewCause.BenchmarkOffTarget, Guid.Parse(U)), "system", X.ToString())),
        ["BenchmarkCreated"] = ("""{"seq":41,"code":7050,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"assessment":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","baseline":"12.5","benchmark":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","country":"KE","direction":"atLeast","metric":"demands.rejectedOrChallenged","mitigation":null,"target":"30"}}""",
             Typed(new BenchmarkCreated(X, Y, "demands.rejectedOrChallenged", "KE", 12.5m, 30m, BenchmarkDirection.AtLeast, null), "lead@example.org", X.ToString())),
        ["BenchmarkReadingTaken"] = ("""{"seq":41,"code":7051,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"benchmark":"3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f","onTarget":"true","reading":"4d2f0a1e-9c8b-47a6-b5d4-e3f2a1b0c9d8","treeSize":"128","value":"33.33"}}""",
             Typed(new BenchmarkReadingTaken(Y, Guid.Parse(U), 33.33m, 128, true), "lead@example.org", X.ToString())),
        // Push-back beyond the case (71xx): kinds, countries, catalogue ids, counts and hashes, never the words.
        ["PushbackRecorded"] = ("""{"seq":41,"code":7100,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"country":"HK","demands":"2","kind":"legalChallenge","offences":"hk-nsl-secession-subversion","pushback":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","status":"active","target":null}}""",
             Typed(new PushbackRecorded(X, PushbackKind.LegalChallenge, "HK", ["hk-nsl-secession-subversion"], PushbackStatus.Active, null, 2, H), "lead@example.org", X.ToString())),
        ["PushbackRecordedAdvocacy"] = ("""{"seq":41,"code":7100,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"country":"RU","demands":"0","kind":"advocacy","offences":"","pushback":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","status":"preparing","target":"gni"}}""",
             Typed(new PushbackRecorded(X, PushbackKind.Advocacy, "RU", [], PushbackStatus.Preparing, AdvocacyTarget.Gni, 0, H), "lead@example.org", X.ToString())),
        ["PushbackStatusChanged"] = ("""{"seq":41,"code":7101,"at":"2026-11-05T09:30:15.123Z","actor":"lead@example.org","subject":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","fields":{"from":"active","outcome":"partlySucceeded","pushback":"0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","to":"concluded"}}""",
             Typed(new PushbackStatusChanged(X, PushbackStatus.Active, PushbackStatus.Concluded, PushbackOutcome.PartlySucceeded, H), "lead@example.org", X.ToString())),
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

    private static Func<string> Typed(ILedgerEvent e, string actor, string? subject) =>
        () => LedgerCanonical.Serialise(Seq, e, At, actor, subject);
}
