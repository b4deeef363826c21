using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Moderation;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;

namespace RightsDesk.Integration.Tests.Support;

/// <summary>Moderation decisions made the way the platform reports them, for tests that need one to act on.</summary>
public static class ModerationSupport
{
    public static readonly Actor Platform = Actor.Machine("test-platform-token", "platform-test");

    /// <summary>A fully automated suspension (held for a person), reported by a machine; its id.</summary>
    public static async Task<string> HeldDecisionAsync(IServiceProvider sp, string? puid = null, string account = "@held@example.social")
    {
        puid ??= "held-" + Guid.NewGuid().ToString("N");
        var json = $$"""
            {"decisionAccount":"DECISION_ACCOUNT_SUSPENDED","decisionGround":"DECISION_GROUND_INCOMPATIBLE_CONTENT","incompatibleContentGround":"Terms 4",
             "contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_VIOLENCE","territorialScope":["GLOBAL"],"contentDate":"2026-03-01",
             "applicationDate":"2026-03-02","decisionFacts":"Threats in three posts.","sourceType":"SOURCE_VOLUNTARY","automatedDetection":"Yes",
             "automatedDecision":"AUTOMATED_DECISION_FULLY","puid":"{{puid}}","userLanguage":"tr","account":"{{account}}"}
            """;
        using var doc = JsonDocument.Parse(json);
        var items = ModerationDecisionReader.ReadBody(doc.RootElement);
        await sp.GetRequiredService<RecordDecisions>().RunAsync(new RecordDecisions.Request(items, false, [puid], Platform), default);
        return (await sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.AsNoTracking().SingleAsync(r => r.Puid == puid)).Id.ToString();
    }
}
