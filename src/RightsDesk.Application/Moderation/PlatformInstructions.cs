using System.Text.Json;
using RightsDesk.Application.Outbox;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Moderation;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Application.Moderation;

/// <summary>The measure the platform is to apply, in the decision's own vocabulary.</summary>
public sealed record InstructedMeasure(
    IReadOnlyList<string> DecisionVisibility, string? DecisionMonetary, string? DecisionProvision, string? DecisionAccount,
    IReadOnlyList<string> TerritorialScope, DateOnly? EndsOn);

/// <summary>
/// What the platform is told to do with a measure, through the one outbox and the signed webhook: apply it (a measure
/// decided on the desk, or a held one a person confirmed), or end it (its end date came). Nothing is said about why a
/// measure was held, so the instructions cannot tell the platform who is on the at-risk registry. The platform
/// answers an apply with <c>POST /api/v1/moderation/decisions/{puid}/applied</c>.
/// </summary>
public sealed class PlatformInstructions(IOutbox outbox, FieldCipher cipher)
{
    public const string Topic = "moderation-instruction";
    public const string ApplyEvent = "moderation.apply";
    public const string EndEvent = "moderation.ended";

    private sealed record ApplyBody(string Event, Guid Decision, string Puid, Guid? Demand, Target? Target, InstructedMeasure Measure, string Report);

    private sealed record EndBody(string Event, Guid Decision, string Puid, Guid? Demand, Target? Target, DateOnly EndsOn);

    public Task ApplyAsync(ModerationDecisionRecord record, ModerationDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(decision);
        var measure = new InstructedMeasure(decision.DecisionVisibility, decision.DecisionMonetary, decision.DecisionProvision, decision.DecisionAccount,
            decision.TerritorialScope, record.EndsOn);
        var body = new ApplyBody(ApplyEvent, record.Id, record.Puid, record.DemandId, TargetOf(record), measure,
            "/api/v1/moderation/decisions/" + record.Puid + "/applied");
        return SendAsync(record, "moderation-apply", ApplyEvent, JsonSerializer.Serialize(body, JsonNames.Options), ct);
    }

    public Task EndedAsync(ModerationDecisionRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var body = new EndBody(EndEvent, record.Id, record.Puid, record.DemandId, TargetOf(record), record.EndsOn!.Value);
        return SendAsync(record, "moderation-end", EndEvent, JsonSerializer.Serialize(body, JsonNames.Options), ct);
    }

    private Task<bool> SendAsync(ModerationDecisionRecord record, string kind, string @event, string json, CancellationToken ct) =>
        outbox.EnqueueAsync(OutboxMessage.Webhook(Topic, $"{kind}:{record.Id:N}", new WebhookPayload(@event, json)) with
        {
            CorrelationId = (record.DemandId ?? record.Id).ToString(), SubjectId = record.Id.ToString(),
        }, ct);

    /// <summary>The demand's target, for decisions made on the desk: the platform did not report them, so it needs to
    /// be told what to act on. A decision the platform reported is named by its own puid.</summary>
    private Target? TargetOf(ModerationDecisionRecord record) =>
        record.SealedTarget is null
            ? null
            : JsonSerializer.Deserialize<Target>(cipher.DecryptBytes(cipher.Unwrap(record.WrappedKey), record.SealedTarget, SealingContext.Moderation(record.Id, "target")), JsonNames.Options);
}
