using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Data;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Web.Defenders;
using RightsDesk.Core.Fulfilment;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Notices;

namespace RightsDesk.Web.Demands;

/// <summary>
/// The demand desk's use cases. The edge (API, CLI) has parsed and authorised; this class runs Core's rules, stores
/// the result, and records each step in the ledger in the same transaction.
/// </summary>
public sealed class DemandService(
    RightsDeskDbContext db,
    FieldCipher cipher,
    LedgerWriter ledger,
    PolicyProvider policies,
    AtRiskRegistry atRisk,
    NoticePlanner notices,
    IPlatformConnector connector,
    TimeProvider clock)
{
    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    public sealed record Upload(string FileName, string ContentType, byte[] Content);

    public sealed record Created(DemandRecord Record, bool Replayed);

    /// <summary>
    /// Stores a new demand (and its document) and assesses it at once. With an idempotency key, a retry of the same
    /// request returns the demand the first one created; reusing a key for a different request is refused.
    /// </summary>
    public async Task<Created> CreateAsync(Demand demand, byte[] body, Upload? document, string actor, string? idempotencyKey, CancellationToken ct)
    {
        byte[]? keyHash = null;
        var requestHash = SHA256.HashData(body);
        if (idempotencyKey is not null)
        {
            keyHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(actor + "\0" + idempotencyKey));
            var existing = await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.IdempotencyHash == keyHash, ct);
            if (existing is not null)
            {
                return existing.RequestHash is { } h && h.AsSpan().SequenceEqual(requestHash)
                    ? new Created(existing, Replayed: true)
                    : throw new ConflictException("This Idempotency-Key was already used for a different request. Use a new key for a new demand.");
            }
        }

        var now = clock.GetUtcNow();
        var (dek, wrapped) = cipher.NewDataKey();
        var record = new DemandRecord
        {
            Id = Guid.CreateVersion7(now),
            Kind = demand.Kind,
            State = DemandState.Received,
            Emergency = demand.Emergency,
            ReceivedAt = demand.ReceivedAt,
            Deadline = demand.Deadline,
            AuthorityCountry = demand.Authority.Country.Value,
            AuthorityName = demand.Authority.Name,
            AuthorityType = demand.Authority.Type,
            LegalProcess = demand.LegalProcess,
            Channel = demand.Channel,
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedAt = now,
            WrappedKey = wrapped,
            IdempotencyHash = keyHash,
            RequestHash = requestHash,
            Version = Guid.NewGuid(),
        };
        record.SealedDemand = cipher.Encrypt(dek, JsonSerializer.Serialize(demand, JsonNames.Options), Context(record.Id, "demand"));
        db.Demands.Add(record);
        ledger.Record(LedgerEventCode.DemandCreated, actor, record.Id.ToString(), new Dictionary<string, string?>
        {
            ["kind"] = JsonNames.Of(demand.Kind), ["country"] = record.AuthorityCountry, ["channel"] = JsonNames.Of(demand.Channel),
            ["demandSha256"] = Convert.ToHexStringLower(requestHash),
        });

        if (document is not null)
        {
            AddDocument(record, document, actor, now);
        }

        await AssessInto(record, demand, dek, actor, now, ct);
        try
        {
            await ledger.SaveAsync(ct);
        }
        catch (DbUpdateException) when (keyHash is not null)
        {
            // Two retries raced: the unique index let one through; answer with that one.
            db.ChangeTracker.Clear();
            var winner = await db.Demands.AsNoTracking().FirstAsync(d => d.IdempotencyHash == keyHash, ct);
            return new Created(winner, Replayed: true);
        }

        return new Created(record, Replayed: false);
    }

    public async Task AddDocumentAsync(DemandRecord record, Upload document, string actor, CancellationToken ct)
    {
        AddDocument(record, document, actor, clock.GetUtcNow());
        await ledger.SaveAsync(ct);
    }

    private void AddDocument(DemandRecord record, Upload document, string actor, DateTimeOffset now)
    {
        // Each document gets its own data key: it can be shared or destroyed on its own.
        var (dek, wrapped) = cipher.NewDataKey();
        var id = Guid.CreateVersion7(now);
        db.Documents.Add(new DocumentRecord
        {
            Id = id,
            DemandId = record.Id,
            ContentType = document.ContentType,
            Length = document.Content.Length,
            UploadedAt = now,
            UploadedBy = actor,
            WrappedKey = wrapped,
            SealedFileName = cipher.Encrypt(dek, document.FileName, Context(id, "fileName")),
            SealedContent = cipher.EncryptBytes(dek, document.Content, Context(id, "content")),
        });
        ledger.Record(LedgerEventCode.DocumentUploaded, actor, record.Id.ToString(), new Dictionary<string, string?>
        {
            ["document"] = id.ToString(), ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(document.Content)),
            ["length"] = document.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public async Task<(DocumentRecord Record, string FileName, byte[] Content)?> ReadDocumentAsync(Guid demandId, Guid documentId, string actor, CancellationToken ct)
    {
        var doc = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.DemandId == demandId, ct);
        if (doc is null)
        {
            return null;
        }

        var dek = cipher.Unwrap(doc.WrappedKey);
        ledger.Record(LedgerEventCode.DocumentRead, actor, demandId.ToString(), new Dictionary<string, string?> { ["document"] = documentId.ToString() });
        await ledger.SaveAsync(ct);
        return (doc, cipher.Decrypt(dek, doc.SealedFileName, Context(doc.Id, "fileName")), cipher.DecryptBytes(dek, doc.SealedContent, Context(doc.Id, "content")));
    }

    public Task<DemandRecord?> FindAsync(Guid id, CancellationToken ct) =>
        db.Demands.Include(d => d.Steps).FirstOrDefaultAsync(d => d.Id == id, ct);

    public Demand Open(DemandRecord record) =>
        JsonSerializer.Deserialize<Demand>(cipher.Decrypt(cipher.Unwrap(record.WrappedKey), record.SealedDemand, Context(record.Id, "demand")), JsonNames.Options)!;

    public AssessmentResult? OpenAssessment(DemandRecord record) => record.SealedAssessment is null
        ? null
        : JsonSerializer.Deserialize<AssessmentResult>(cipher.Decrypt(cipher.Unwrap(record.WrappedKey), record.SealedAssessment, Context(record.Id, "assessment")), JsonNames.Options);

    /// <summary>Every read of a case's sensitive contents is recorded: who read which case, when.</summary>
    public async Task RecordReadAsync(DemandRecord record, string actor, CancellationToken ct)
    {
        ledger.Record(LedgerEventCode.DemandRead, actor, record.Id.ToString());
        await ledger.SaveAsync(ct);
    }

    public async Task<AssessmentResult> AssessAsync(DemandRecord record, string actor, CancellationToken ct)
    {
        Workflow.Next(record.State, WorkflowAction.Assess);
        var demand = Open(record);
        var result = await AssessInto(record, demand, cipher.Unwrap(record.WrappedKey), actor, clock.GetUtcNow(), ct);
        await SaveAsync(ct);
        return result;
    }

    private async Task<AssessmentResult> AssessInto(DemandRecord record, Demand demand, byte[] dek, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var policy = policies.Current;
        var registry = await atRisk.SnapshotFor(demand.Targets, ct);
        var result = new RightsAssessor(policy).Assess(demand, registry);
        record.SealedAssessment = cipher.Encrypt(dek, JsonSerializer.Serialize(result, JsonNames.Options), Context(record.Id, "assessment"));
        record.Recommendation = result.Recommendation;
        record.EscalationRequired = result.Escalation.Required;
        record.RequiredApprovals = result.RequiredApprovals;
        record.PolicyVersion = result.PolicyVersion;
        record.AssessedAt = now;
        // A case touching the at-risk registry is compartmented: only those assigned and the human rights lead see it.
        record.Restricted |= registry.Count > 0 && registry.Match(demand.Targets).Count > 0;
        Step(record, WorkflowAction.Assess, actor, now, null);
        ledger.Record(LedgerEventCode.DemandAssessed, actor, record.Id.ToString(), new Dictionary<string, string?>
        {
            ["recommendation"] = JsonNames.Of(result.Recommendation), ["policyVersion"] = result.PolicyVersion,
            ["escalation"] = result.Escalation.Required ? "true" : "false",
            ["requiredApprovals"] = result.RequiredApprovals.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        notices.Plan(record, demand, result, now);
        return result;
    }

    public async Task<Decision> DecideAsync(DemandRecord record, DecisionInput input, string actor, CancellationToken ct)
    {
        Workflow.Next(record.State, WorkflowAction.Decide);
        var demand = Open(record);
        var assessment = OpenAssessment(record) ?? throw new WorkflowException("The demand has not been assessed.");
        var now = clock.GetUtcNow();
        var decision = Workflow.Decide(demand, assessment, input, actor, now);
        var dek = cipher.Unwrap(record.WrappedKey);
        var decisionId = Guid.CreateVersion7(now);
        db.Decisions.Add(new DecisionRecord
        {
            Id = decisionId,
            DemandId = record.Id,
            Outcome = decision.Outcome,
            DecidedBy = actor,
            DecidedAt = now,
            DepartsFromRecommendation = decision.DepartsFromRecommendation,
            RequiredApprovals = decision.RequiredApprovals,
            SealedDecision = cipher.Encrypt(dek, JsonSerializer.Serialize(decision, JsonNames.Options), Context(decisionId, "decision")),
        });
        var next = Workflow.NextAfterDecision(decision);
        Step(record, WorkflowAction.Decide, actor, now, decision.Reason, next);
        ledger.Record(LedgerEventCode.DecisionRecorded, actor, record.Id.ToString(), new Dictionary<string, string?>
        {
            ["decision"] = decisionId.ToString(), ["outcome"] = JsonNames.Of(decision.Outcome),
            ["departs"] = decision.DepartsFromRecommendation ? "true" : "false",
            ["categories"] = string.Join(",", decision.AuthorisedCategories.Select(JsonNames.Of)),
            ["territories"] = string.Join(",", decision.AuthorisedTerritories),
        });

        if (next == DemandState.Decided)
        {
            AfterFinalDecision(record, decision, actor, now);
        }

        await SaveAsync(ct);
        return decision;
    }

    public async Task<(Decision Decision, bool Complete)> ApproveAsync(DemandRecord record, string actor, string? comment, CancellationToken ct)
    {
        Workflow.Next(record.State, WorkflowAction.Approve);
        var (row, decision) = await CurrentDecision(record, ct);
        var complete = Workflow.Approve(decision, row.Approvals.Select(a => a.ApprovedBy).ToList(), actor);
        var now = clock.GetUtcNow();
        var dek = cipher.Unwrap(record.WrappedKey);
        row.Approvals.Add(new ApprovalRecord
        {
            DecisionId = row.Id, ApprovedBy = actor, At = now,
            SealedComment = comment is null ? null : cipher.Encrypt(dek, comment, Context(row.Id, "approval:" + actor)),
        });
        ledger.Record(LedgerEventCode.DecisionApproved, actor, record.Id.ToString(), new Dictionary<string, string?>
        {
            ["decision"] = row.Id.ToString(),
            ["approvals"] = (row.Approvals.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["required"] = decision.RequiredApprovals.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Step(record, WorkflowAction.Approve, actor, now, comment, complete ? DemandState.Decided : DemandState.AwaitingApproval);
        if (complete)
        {
            AfterFinalDecision(record, decision, actor, now);
        }

        await SaveAsync(ct);
        return (decision, complete);
    }

    public async Task SendBackAsync(DemandRecord record, string actor, string reason, CancellationToken ct)
    {
        Workflow.Next(record.State, WorkflowAction.SendBack);
        var (row, _) = await CurrentDecision(record, ct);
        if (row.DecidedBy == actor)
        {
            throw new WorkflowException("Withdraw your own decision by asking another reviewer to send it back; approvers send decisions back.");
        }

        row.Superseded = true;
        Step(record, WorkflowAction.SendBack, actor, clock.GetUtcNow(), reason);
        ledger.Record(LedgerEventCode.DecisionSentBack, actor, record.Id.ToString(), new Dictionary<string, string?> { ["decision"] = row.Id.ToString() });
        await SaveAsync(ct);
    }

    /// <summary>
    /// Builds the disclosure package from exactly what the decision authorised, fetching the platform's data through
    /// the connector, and seals it with the case. A before-disclosure notice must have been delivered first.
    /// </summary>
    public async Task<DisclosurePackageRecord> FulfilAsync(DemandRecord record, string actor, CancellationToken ct)
    {
        Workflow.Next(record.State, WorkflowAction.Fulfil);
        var (row, decision) = await CurrentDecision(record, ct);
        if (!decision.NeedsApproval && decision.Outcome is not Recommendation.Preserve)
        {
            throw new WorkflowException($"A {JsonNames.Of(decision.Outcome)} decision has nothing to fulfil; close the demand instead.");
        }

        if (decision.NeedsApproval)
        {
            await notices.EnsureNoticeAllowsFulfilment(record, ct);
        }

        var demand = Open(record);
        var now = clock.GetUtcNow();
        var manifest = DisclosureManifest.From(record.Id, row.Id, demand, decision, now);
        var items = new List<DisclosureItem>();
        if (decision.Outcome is Recommendation.Preserve)
        {
            // Preservation freezes records at the platform; nothing is fetched, so nothing can leave.
            foreach (var i in decision.AuthorisedTargets)
            {
                var reference = await connector.PreserveAsync(demand.Targets[i], decision.AuthorisedCategories, OpenAssessment(record)?.Preservation?.Days ?? 90, ct);
                items.Add(new DisclosureItem(i, decision.AuthorisedCategories.FirstOrDefault(), true, "text/plain", "preserved: " + reference));
            }
        }
        else
        {
            foreach (var entry in manifest.Entries)
            {
                items.Add(await connector.FetchAsync(demand.Targets[entry.TargetIndex], entry.Category, demand.DateRange, decision.Outcome, ct) with { TargetIndex = entry.TargetIndex });
            }
        }

        var package = new DisclosurePackage(manifest, items);
        var json = JsonSerializer.Serialize(package, JsonNames.Options);
        var dek = cipher.Unwrap(record.WrappedKey);
        var id = Guid.CreateVersion7(now);
        var manifestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(manifest, JsonNames.Options)));
        var stored = new DisclosurePackageRecord
        {
            Id = id, DemandId = record.Id, DecisionId = row.Id, CreatedAt = now, CreatedBy = actor, ItemCount = items.Count,
            ManifestSha256 = manifestHash,
            SealedPackage = cipher.Encrypt(dek, json, Context(id, "package")),
        };
        db.DisclosurePackages.Add(stored);
        Step(record, WorkflowAction.Fulfil, actor, now, null);
        ledger.Record(LedgerEventCode.DisclosurePackageCreated, actor, record.Id.ToString(), new Dictionary<string, string?>
        {
            ["package"] = id.ToString(), ["manifestSha256"] = manifestHash,
            ["items"] = items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        notices.OnFulfilled(record, now);
        await SaveAsync(ct);
        return stored;
    }

    public async Task<DisclosurePackage?> ReadPackageAsync(DemandRecord record, Guid packageId, string actor, CancellationToken ct)
    {
        var row = await db.DisclosurePackages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == packageId && p.DemandId == record.Id, ct);
        if (row is null)
        {
            return null;
        }

        ledger.Record(LedgerEventCode.DisclosurePackageRead, actor, record.Id.ToString(), new Dictionary<string, string?> { ["package"] = packageId.ToString() });
        await ledger.SaveAsync(ct);
        return JsonSerializer.Deserialize<DisclosurePackage>(cipher.Decrypt(cipher.Unwrap(record.WrappedKey), row.SealedPackage, Context(row.Id, "package")), JsonNames.Options);
    }

    /// <summary>The authority answered (clarified, verified, or the challenge ended): the demand is reassessed.</summary>
    public async Task AnswerReceivedAsync(DemandRecord record, string actor, string? note, CancellationToken ct)
    {
        Workflow.Next(record.State, WorkflowAction.AnswerReceived);
        var now = clock.GetUtcNow();
        Step(record, WorkflowAction.AnswerReceived, actor, now, note);
        await AssessInto(record, Open(record), cipher.Unwrap(record.WrappedKey), actor, now, ct);
        await SaveAsync(ct);
    }

    public async Task CloseAsync(DemandRecord record, string actor, string? note, CancellationToken ct)
    {
        Workflow.Next(record.State, WorkflowAction.Close);
        Step(record, WorkflowAction.Close, actor, clock.GetUtcNow(), note);
        ledger.Record(LedgerEventCode.DemandClosed, actor, record.Id.ToString());
        await SaveAsync(ct);
    }

    public async Task<(DecisionRecord Row, Decision Decision)> CurrentDecision(DemandRecord record, CancellationToken ct)
    {
        var row = await db.Decisions.Include(d => d.Approvals)
            .Where(d => d.DemandId == record.Id && !d.Superseded)
            .OrderByDescending(d => d.DecidedAt)
            .FirstOrDefaultAsync(ct) ?? throw new WorkflowException("The demand has no decision yet.");
        var decision = JsonSerializer.Deserialize<Decision>(cipher.Decrypt(cipher.Unwrap(record.WrappedKey), row.SealedDecision, Context(row.Id, "decision")), JsonNames.Options)!;
        return (row, decision);
    }

    public string? OpenStepNote(DemandRecord record, DemandStep step) =>
        step.SealedNote is null ? null : cipher.Decrypt(cipher.Unwrap(record.WrappedKey), step.SealedNote, Context(record.Id, "step:" + step.At.UtcTicks));

    private void AfterFinalDecision(DemandRecord record, Decision decision, string actor, DateTimeOffset now)
    {
        notices.OnDecided(record, decision, now);
        if (Workflow.FollowUpFor(decision.Outcome) is { } followUp)
        {
            Step(record, followUp, actor, now, null);
            ledger.Record(LedgerEventCode.DemandStateChanged, actor, record.Id.ToString(), new Dictionary<string, string?> { ["state"] = JsonNames.Of(record.State) });
        }
    }

    private void Step(DemandRecord record, WorkflowAction action, string actor, DateTimeOffset at, string? note, DemandState? to = null)
    {
        // Millisecond precision survives both engines, so the note's encryption context can be rebuilt from the row.
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var from = record.State;
        var next = to ?? Workflow.Next(from, action);
        var dek = cipher.Unwrap(record.WrappedKey);
        var step = new DemandStep { DemandId = record.Id, At = at, Actor = actor, Action = action, From = from, To = next };
        step.SealedNote = note is null ? null : cipher.Encrypt(dek, note, Context(record.Id, "step:" + at.UtcTicks));
        record.Steps.Add(step);
        record.State = next;
        record.UpdatedAt = at;
        record.Version = Guid.NewGuid();
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await ledger.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else changed this demand at the same time; reload it and try again.");
        }
    }

    public async Task<DemandView> BuildViewAsync(DemandRecord record, CancellationToken ct)
    {
        DecisionView? decisionView = null;
        if (await db.Decisions.AnyAsync(d => d.DemandId == record.Id && !d.Superseded, ct))
        {
            var (row, decision) = await CurrentDecision(record, ct);
            decisionView = new DecisionView(decision, row.Approvals.OrderBy(a => a.At).Select(a => new ApprovalView(a.ApprovedBy, a.At)).ToList());
        }

        var documents = await db.Documents.AsNoTracking().Where(d => d.DemandId == record.Id).OrderBy(d => d.UploadedAt)
            .Select(d => new DocumentView(d.Id, d.ContentType, d.Length, d.UploadedAt)).ToListAsync(ct);
        var noticeRows = await db.Notices.AsNoTracking().Where(n => n.DemandId == record.Id).OrderBy(n => n.TargetIndex).ToListAsync(ct);
        var packages = await db.DisclosurePackages.AsNoTracking().Where(p => p.DemandId == record.Id).OrderBy(p => p.CreatedAt)
            .Select(p => new PackageView(p.Id, p.DecisionId, p.CreatedAt, p.ItemCount, p.ManifestSha256)).ToListAsync(ct);
        var history = record.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new StepView(s.At, s.Actor, s.Action, s.From, s.To, OpenStepNote(record, s))).ToList();
        return new DemandView(record.Id, record.State, record.CreatedAt, record.UpdatedAt, record.Restricted, record.AssignedTo,
            Open(record), OpenAssessment(record), decisionView, documents,
            noticeRows.Select(n => new NoticeView(n.Id, n.DemandId, n.TargetIndex, n.Plan, n.Status, n.Earliest, n.ReviewAt, n.SentAt)).ToList(),
            packages, history, Workflow.AllowedFrom(record.State).ToList());
    }

    /// <summary>
    /// Drafts the response letter to the authority for the current decision, from the policy's templates, and
    /// stores it sealed with the case. Letters never name targets (see LetterModel).
    /// </summary>
    public async Task<(LetterRecord Record, Core.Letters.RenderedLetter Letter)> DraftLetterAsync(DemandRecord record, string language, string actor, CancellationToken ct)
    {
        var (_, decision) = await CurrentDecision(record, ct);
        var demand = Open(record);
        var assessment = OpenAssessment(record) ?? throw new WorkflowException("The demand has not been assessed.");
        var now = clock.GetUtcNow();
        var policy = policies.Current;
        var model = Core.Letters.LetterModel.From(demand, assessment, decision.Outcome, policy, DateOnly.FromDateTime(now.UtcDateTime),
            new Core.Letters.DecidedScope(decision.AuthorisedCategories, decision.AuthorisedTerritories));
        var letter = Core.Letters.LetterComposer.Compose(policy, Core.Letters.LetterComposer.KindFor(model), language, model);
        var dek = cipher.Unwrap(record.WrappedKey);
        var id = Guid.CreateVersion7(now);
        var row = new LetterRecord
        {
            Id = id, DemandId = record.Id, Kind = JsonNames.Of(letter.Kind), Language = letter.Language, Status = LetterStatus.Draft,
            CreatedAt = now, CreatedBy = actor,
            SealedSubject = cipher.Encrypt(dek, letter.Subject, Context(id, "subject")),
            SealedBody = cipher.Encrypt(dek, letter.BodyMarkdown, Context(id, "body")),
        };
        db.Letters.Add(row);
        ledger.Record(LedgerEventCode.LetterGenerated, actor, record.Id.ToString(), new Dictionary<string, string?>
        {
            ["letter"] = id.ToString(), ["kind"] = row.Kind, ["language"] = row.Language,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(letter.BodyMarkdown))),
        });
        await SaveAsync(ct);
        return (row, letter);
    }

    public sealed record LetterText(LetterRecord Record, string Subject, string Body);

    public async Task<IReadOnlyList<LetterText>> LettersAsync(DemandRecord record, CancellationToken ct)
    {
        var dek = cipher.Unwrap(record.WrappedKey);
        var rows = await db.Letters.AsNoTracking().Where(l => l.DemandId == record.Id).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        return rows.Select(l => new LetterText(l, cipher.Decrypt(dek, l.SealedSubject, Context(l.Id, "subject")), cipher.Decrypt(dek, l.SealedBody, Context(l.Id, "body")))).ToList();
    }

    public const int MaxLetterChars = 40_000;

    /// <summary>A draft can be edited until it is sent; the ledger keeps a hash of every version.</summary>
    public async Task EditLetterAsync(DemandRecord record, Guid letterId, string subject, string body, string actor, CancellationToken ct)
    {
        var row = await DraftLetter(record, letterId, ct);
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(body))
        {
            throw new WorkflowException("A letter needs a subject and a body.");
        }

        if (subject.Length > 300 || body.Length > MaxLetterChars)
        {
            throw new WorkflowException($"The subject is limited to 300 characters and the body to {MaxLetterChars}.");
        }

        var dek = cipher.Unwrap(record.WrappedKey);
        row.SealedSubject = cipher.Encrypt(dek, subject.Trim(), Context(row.Id, "subject"));
        row.SealedBody = cipher.Encrypt(dek, body, Context(row.Id, "body"));
        ledger.Record(LedgerEventCode.LetterEdited, actor, record.Id.ToString(), new Dictionary<string, string?>
        {
            ["letter"] = row.Id.ToString(), ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body))),
        });
        await SaveAsync(ct);
    }

    /// <summary>Marks the letter sent: from then on it is the record of what the authority was told and cannot change.</summary>
    public async Task SendLetterAsync(DemandRecord record, Guid letterId, string actor, CancellationToken ct)
    {
        var row = await DraftLetter(record, letterId, ct);
        row.Status = LetterStatus.Sent;
        row.SentAt = clock.GetUtcNow();
        ledger.Record(LedgerEventCode.LetterSent, actor, record.Id.ToString(), new Dictionary<string, string?> { ["letter"] = row.Id.ToString() });
        await SaveAsync(ct);
    }

    private async Task<LetterRecord> DraftLetter(DemandRecord record, Guid letterId, CancellationToken ct)
    {
        var row = await db.Letters.FirstOrDefaultAsync(l => l.Id == letterId && l.DemandId == record.Id, ct)
            ?? throw new WorkflowException("There is no such letter on this demand.");
        return row.Status == LetterStatus.Draft ? row : throw new WorkflowException("The letter has been sent and can no longer be changed.");
    }

    public static string Context(Guid id, string field) => $"{id:N}:{field}";
}
