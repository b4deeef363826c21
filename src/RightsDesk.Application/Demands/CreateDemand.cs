using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Common;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Deadlines;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Demands;

/// <summary>How a demand reached RightsDesk. RightsDesk records it; the submitter does not get to claim it.</summary>
public enum IntakeRoute { Api, Desk, Portal, Import }

public sealed record Upload(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Stores a new demand (and its document) and assesses it at once. With an idempotency key, a retry of the same
/// request returns the demand the first one created; reusing a key for a different request is refused.
/// </summary>
public sealed class CreateDemand(DemandCases cases, AssessDemand assess, DemandDocuments documents, Deadlines.Deadlines deadlines)
{
    public const long MaxDocumentBytes = DemandDocuments.MaxBytes;

    public sealed record Request(Demand Demand, byte[] Body, Upload? Document, Actor Actor, IntakeRoute Route, string? IdempotencyKey = null, string? RequesterUserId = null);

    public sealed record Result(DemandRecord Record, bool Replayed);

    /// <summary>The deadline step a demand's response date is kept under.</summary>
    public const string ResponseStep = "response";

    public async Task<Result> RunAsync(Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (demand, actor) = (request.Demand, request.Actor);
        if (demand.Channel is Channel.Portal && request.Route is not IntakeRoute.Portal)
        {
            throw new ValidationFailedException([new FieldError("channel", "\"portal\" is recorded by RightsDesk for demands submitted through the authority portal; say how this one arrived (email, post, fax, inPerson, phone, api).")]);
        }

        if (demand.Authority.Verification is not null && (!actor.IsPerson || request.Route is IntakeRoute.Portal))
        {
            throw new ValidationFailedException([new FieldError("authority.verification", CallBackNotHere(actor, request.Route))]);
        }

        var db = cases.Db;
        byte[]? keyHash = null;
        var requestHash = SHA256.HashData(request.Body);
        if (request.IdempotencyKey is not null)
        {
            keyHash = SHA256.HashData(Encoding.UTF8.GetBytes(actor.Id + "\0" + request.IdempotencyKey));
            var existing = await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.IdempotencyHash == keyHash, ct);
            if (existing is not null)
            {
                return existing.RequestHash is { } h && h.AsSpan().SequenceEqual(requestHash)
                    ? new Result(existing, Replayed: true)
                    : throw new ConflictException("This Idempotency-Key was already used for a different request. Use a new key for a new demand.");
            }
        }

        var now = cases.Now;
        var (dek, wrapped) = cases.Sealing.NewDataKey();
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
            CreatedBy = actor.LedgerName,
            CreatedById = actor.Id,
            RequesterUserId = request.RequesterUserId,
            CreatedAt = now,
            UpdatedAt = now,
            WrappedKey = wrapped,
            IdempotencyHash = keyHash,
            RequestHash = requestHash,
            Version = Guid.CreateVersion7(now),
        };
        record.SealedDemand = cases.Sealing.SealJson(dek, record.Id, "demand", demand);
        db.Demands.Add(record);
        db.DemandTargetIndex.AddRange(cases.Sealing.TargetIndexRows(record.Id, demand));
        cases.Record(new DemandCreated(demand.Kind, record.AuthorityCountry, demand.Channel, Convert.ToHexStringLower(requestHash), JsonNames.Of(request.Route),
            DemandCases.Dimensions(record), record.Deadline), actor, record);

        if (demand.Deadline is { } due)
        {
            // The response date, on the one deadline engine: reminders climb from the assignee to the lead.
            await deadlines.SetAsync(CaseKind.Demand, record.Id, ResponseStep, Deadlines.Deadlines.EndOfDayUtc(due), null, ct);
        }

        if (request.Document is not null)
        {
            documents.Add(record, request.Document, actor, now);
        }

        if (demand.Authority.Verification is { } call)
        {
            // Recorded by the desk, as a step of the case: who called which number, found where, and who confirmed.
            cases.Step(record, WorkflowAction.RecordVerification, actor, now, $"Called {call.CalledNumber} (found: {call.NumberSource}); confirmed by {call.SpokeWith}."
                + (call.ConfirmedEmail is null ? "" : " An e-mail address for letters was confirmed."));
            if (call.ConfirmedEmail is { } email)
            {
                record.SealedCallBackEmail = cases.Sealing.Seal(dek, record.Id, "callBackEmail", email);
            }

            cases.Record(new RequesterVerifiedByCallBack(AtIntake: true, AddressConfirmed: call.ConfirmedEmail is not null), actor, record);
        }

        await assess.AssessIntoAsync(record, demand, actor, now, ct);
        try
        {
            await cases.Ledger.SaveAsync(ct);
        }
        catch (DbUpdateException) when (keyHash is not null)
        {
            // Two retries raced: the unique index let one through; answer with that one.
            db.ChangeTracker.Clear();
            var winner = await db.Demands.AsNoTracking().FirstAsync(d => d.IdempotencyHash == keyHash, ct);
            return new Result(winner, Replayed: true);
        }

        return new Result(record, Replayed: false);
    }

    /// <summary>Why a call-back cannot come with this submission, in the submitter's terms.</summary>
    public static string CallBackNotHere(Actor actor, IntakeRoute route)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return route switch
        {
            IntakeRoute.Portal => "The portal account's own verification stands for the requester; a call-back is recorded by staff on the desk.",
            IntakeRoute.Import => "An import at the console cannot vouch for a call-back: import the demand without it, then record the call-back on the desk as the person who made the call.",
            _ when actor.Kind is ActorKind.Machine => "A platform system's token cannot vouch for a call-back: it is recorded by the person who made the call, signed in or with their own token.",
            _ => "A call-back is recorded by the person who made it.",
        };
    }
}
