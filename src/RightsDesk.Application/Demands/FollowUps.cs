using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Deadlines;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Demands;

/// <summary>The authority answered (clarified, verified, or the challenge ended): the demand is reopened and reassessed.</summary>
public sealed class AnswerReceived(DemandCases cases, AssessDemand assess)
{
    public async Task RunAsync(DemandRecord record, Actor actor, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        Workflow.Next(record.State, WorkflowAction.AnswerReceived);
        var now = cases.Now;
        cases.Step(record, WorkflowAction.AnswerReceived, actor, now, note);
        await assess.AssessIntoAsync(record, cases.Sealing.Demand(record), actor, now, ct);
        await cases.SaveAsync(ct);
    }
}

/// <summary>
/// Staff called the authority back on a number they found themselves and the demand was confirmed. This, and not the
/// sender's own "verified" flag, is what the assessment's authenticity finding accepts for demands outside the portal.
/// </summary>
public sealed class RecordVerification(DemandCases cases, AssessDemand assess)
{
    public const int MaxFieldLength = 300;

    /// <param name="NumberSource">Where the number came from (the authority's website, a directory), never the demand.</param>
    /// <param name="SpokeWith">Who answered and confirmed, by name or function.</param>
    /// <param name="ConfirmedEmail">An e-mail address the person on the call confirmed for the authority's letters
    /// (never one read off the demand): sealed on the case, it is where a letter goes when there is no portal account.</param>
    public sealed record CallBack(string CalledNumber, string NumberSource, string SpokeWith, string? Note, string? ConfirmedEmail = null);

    public async Task RunAsync(DemandRecord record, Actor actor, CallBack call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(call);
        if (!actor.IsPerson)
        {
            throw new WorkflowException("A call-back is recorded by the person who made it.");
        }

        var errors = new List<FieldError>();
        Require(errors, "calledNumber", call.CalledNumber, "the number you called");
        Require(errors, "numberSource", call.NumberSource, "where you found the number (not the demand itself)");
        Require(errors, "spokeWith", call.SpokeWith, "who answered and confirmed the demand");
        if (call.Note is { Length: > 4000 })
        {
            errors.Add(new FieldError("note", "At most 4000 characters."));
        }

        var email = string.IsNullOrWhiteSpace(call.ConfirmedEmail) ? null : call.ConfirmedEmail.Trim();
        if (email is not null && (email.Length > MaxFieldLength || !DemandReader.LooksLikeEmail(email)))
        {
            errors.Add(new FieldError("confirmedEmail", "Not an e-mail address: type the address the person on the call confirmed, or leave it empty."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        Workflow.Next(record.State, WorkflowAction.RecordVerification);
        var now = cases.Now;
        var text = $"Called {call.CalledNumber.Trim()} (found: {call.NumberSource.Trim()}); confirmed by {call.SpokeWith.Trim()}."
            + (email is null ? "" : " An e-mail address for letters was confirmed.") + (call.Note is { Length: > 0 } n ? " " + n.Trim() : "");
        cases.Step(record, WorkflowAction.RecordVerification, actor, now, text);
        if (email is not null)
        {
            // A later call that confirms an address replaces the earlier one; a call that confirms none keeps it.
            record.SealedCallBackEmail = cases.Sealing.Seal(cases.Sealing.Key(record), record.Id, "callBackEmail", email);
        }

        cases.Record(new RequesterVerifiedByCallBack(AddressConfirmed: email is not null), actor, record);
        await assess.AssessIntoAsync(record, cases.Sealing.Demand(record), actor, now, ct);
        await cases.SaveAsync(ct);
    }

    private static void Require(List<FieldError> errors, string path, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(path, $"Required: {what}."));
        }
        else if (value.Length > MaxFieldLength)
        {
            errors.Add(new FieldError(path, $"At most {MaxFieldLength} characters."));
        }
    }
}

/// <summary>Puts a decided demand to the requester for clarification. The question itself is stored by the portal's
/// clarification use case in the same unit of work, so the question and the state change are saved together.</summary>
public sealed class RequestClarification(DemandCases cases)
{
    public async Task RunAsync(DemandRecord record, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var decided = await cases.DecidedOutcomeAsync(record, ct);
        cases.Step(record, WorkflowAction.RequestClarification, actor, cases.Now, null, decided: decided);
        cases.Record(new DemandStateChanged(record.State), actor, record);
        await cases.SaveAsync(ct);
    }
}

public sealed class CloseDemand(DemandCases cases, Deadlines.Deadlines deadlines)
{
    public async Task RunAsync(DemandRecord record, Actor actor, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var from = record.State;
        var outcome = await cases.DecidedOutcomeAsync(record, ct);
        cases.Step(record, WorkflowAction.Close, actor, cases.Now, note);
        cases.Record(new DemandClosed(from, outcome, DemandCases.Dimensions(record)), actor, record);
        await deadlines.MeetAsync(CaseKind.Demand, record.Id, CreateDemand.ResponseStep, ct);
        await cases.SaveAsync(ct);
    }
}

/// <summary>Every read of a case's sensitive contents is recorded: who read which case, when.</summary>
public sealed class RecordDemandRead(DemandCases cases)
{
    public async Task RunAsync(DemandRecord record, Actor actor, CancellationToken ct)
    {
        cases.Record(new DemandRead(), actor, record);
        await cases.Ledger.SaveAsync(ct);
    }
}
