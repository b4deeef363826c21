using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Impact;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Impact;

namespace RightsDesk.Cli.Demo;

/// <summary>
/// The demo's impact assessment: Kenya, a market the policy marks as operating since February 2026, moved through the
/// DIHR phases with its risks, plan, a consultation and two benchmarks read from the demo's own decisions and notices;
/// a review conducted by one human rights lead and signed off by another, after which it is in monitoring and on the
/// public summary. Brazil, also operating, has no assessment, so the desk home still shows a market not covered.
/// </summary>
public static class ImpactDemo
{
    public static async Task SeedAsync(IServiceProvider sp, Actor lead, Actor signer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var store = sp.GetRequiredService<ImpactStore>();
        var rules = store.Rules;
        var assessments = sp.GetRequiredService<ImpactAssessments>();
        var id = await assessments.CreateAsync(ImpactReader.Assessment(Json("""
            {"title":"Entry into Kenya","trigger":"marketEntry","phase":"planningAndScoping",
             "scope":{"products":["timeline","messaging"],"countries":["KE"],"partners":["local payments provider"]},
             "assessors":[{"name":"Human rights lead","independent":false},{"name":"External counsel (Nairobi)","independent":true}],
             "nextReviewDue":"2027-02-01"}
            """)), lead, ct);

        await assessments.ChangePhaseAsync(id, AssessmentPhase.DataCollectionAndBaseline, lead, ct);
        await assessments.ChangePhaseAsync(id, AssessmentPhase.AnalysingImpacts, lead, ct);
        Guid Risk(Guid? added) => added ?? throw new InvalidOperationException("The demo assessment vanished.");
        var doxxing = Risk(await assessments.AddRiskAsync(id, RiskReader.Read(Json("""
            {"title":"Police demands to unmask journalists' sources","rights":["iccpr-19","iccpr-17"],"groups":[{"group":"journalists","country":"KE"},{"group":"humanRightsDefenders","country":"KE"}],
             "nature":"potential","involvement":"contribute","systemicRisk":"fundamentalRights",
             "inherent":{"scale":{"value":4,"rationale":"Exposure of a source can lead to arrest or violence"},"scope":{"value":2,"rationale":"Some hundreds of reporters and their sources"},
                         "irremediability":{"value":4,"rationale":"A revealed identity cannot be hidden again"},"likelihood":{"value":2,"rationale":"Two such demands a year reported by peers"}},
             "evidence":["CPJ country report 2025","Peer platform transparency reports"]}
            """), rules), lead, ct));
        var hate = Risk(await assessments.AddRiskAsync(id, RiskReader.Read(Json("""
            {"title":"Over-removal of LGBTI content under vague decency orders","rights":["iccpr-19","iccpr-26"],"groups":[{"group":"lgbti","country":"KE"}],
             "nature":"potential","involvement":"cause","systemicRisk":"fundamentalRights",
             "inherent":{"scale":{"value":3,"rationale":"Removes a community's main channel"},"scope":{"value":3,"rationale":"Tens of thousands of users"},
                         "irremediability":{"value":2,"rationale":"Content can be restored on appeal"},"likelihood":{"value":3,"rationale":"Such orders were issued to other platforms in 2025"}}}
            """), rules), lead, ct));
        await assessments.AddRiskAsync(id, RiskReader.Read(Json("""
            {"title":"Election-period shutdown order","rights":["iccpr-19","iccpr-25","iccpr-21"],"groups":[{"group":"users","country":"KE"}],
             "nature":"potential","involvement":"directlyLinked","systemicRisk":"civicDiscourseAndSecurity",
             "inherent":{"scale":{"value":3,"rationale":"Cuts off news and organising"},"scope":{"value":4,"rationale":"Every user in the country"},
                         "irremediability":{"value":2,"rationale":"Service returns when the order ends"},"likelihood":{"value":1,"rationale":"No shutdown since 2017"}}}
            """), rules), lead, ct);

        await assessments.ChangePhaseAsync(id, AssessmentPhase.MitigationAndManagement, lead, ct);
        var mitigations = sp.GetRequiredService<ImpactMitigations>();
        var minimise = await mitigations.AddAsync(id, new MitigationInput("Hold no IP logs beyond 14 days for Kenyan accounts", [doxxing], lead.Name, new DateOnly(2026, 6, 30), MitigationMeasure.DesignAndInterfaces), lead, ct);
        await mitigations.ChangeStatusAsync(id, new MitigationStatusInput(minimise!.Value, MitigationStatus.Implemented, null, []), lead, ct);
        await mitigations.AddAsync(id, new MitigationInput("Challenge every restriction order that names no law", [hate], lead.Name, new DateOnly(2026, 9, 30), MitigationMeasure.ContentModeration), lead, ct);

        // The assessment recommends conditions for restriction orders; proposed as a policy change, it waits on the desk for an administrator's approval.
        var recommendations = sp.GetRequiredService<ImpactRecommendations>();
        var conditions = await recommendations.RecordAsync(id, new RecommendationInput(RecommendationKind.Conditions, "KE", [DemandKind.ContentRestriction],
            "Serve Kenya on condition that every content restriction order goes to the human rights lead and is challenged when it names no law", [hate]), lead, ct);
        await recommendations.ProposeAsync(id, conditions!.Value, lead, ct);

        await sp.GetRequiredService<ImpactConsultations>().RecordAsync(id, ImpactReader.Consultation(Json($$"""
            {"group":"journalists","country":"KE","method":"focusGroup","heldOn":"2026-01-20","participants":9,"consented":false,
             "precautions":"Held off-site through a press freedom organisation; no recording; notes kept without names",
             "issuesRaised":["Police ask platforms for reporters' IP addresses","Fear of being named in court filings"],
             "risks":["{{doxxing}}"],"reportedBack":"Summary of the mitigations sent through the organisation"}
            """), rules), lead, ct);

        var benchmarks = sp.GetRequiredService<Benchmarks>();
        await benchmarks.CreateAsync(id, new BenchmarkInput("Push back on demands that fail the rights assessment", "demands.rejectedOrChallenged", null, null,
            "Reject or challenge every demand without a lawful basis", 10, 25, BenchmarkDirection.AtLeast), lead, ct);
        await benchmarks.CreateAsync(id, new BenchmarkInput("Tell users before their data is disclosed", "notices.beforeDisclosure", null, minimise, null, 50, 90, BenchmarkDirection.AtLeast), lead, ct);
        await benchmarks.TakeAllAsync(lead, ct);

        var reviews = sp.GetRequiredService<ImpactReviews>();
        var review = await reviews.ConductAsync(id, new ReviewInput(ReviewKind.Scheduled, null,
            "Plan agreed; the IP-log limit is claimed as implemented and waits for verification", new DateOnly(2027, 2, 1)), lead, ct)
            ?? throw new InvalidOperationException("The demo assessment vanished.");
        await reviews.SignOffAsync(id, review, signer, ct);
        await assessments.ChangePhaseAsync(id, AssessmentPhase.ReportingAndEvaluation, lead, ct);
        await assessments.ChangePhaseAsync(id, AssessmentPhase.Monitoring, lead, ct);
    }

    private static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
