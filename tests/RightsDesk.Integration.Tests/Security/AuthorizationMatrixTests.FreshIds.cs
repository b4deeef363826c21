using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Common;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Notices;
using RightsDesk.Data.Outbox;
using RightsDesk.Integration.Tests.Portal;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Application.Defenders;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Ledger;
using RightsDesk.Web.Portal;
using RightsDesk.Web.Security;

namespace RightsDesk.Integration.Tests.Security;

public sealed partial class AuthorizationMatrixTests
{
    /// <summary>The parameters <see cref="Value"/> does not name; an unknown one fails with what to add.</summary>
    private static string OtherValue(string parameter, string? route) => parameter switch
    {
        // A published takedown original's year: the matrix's store holds no takedown demand, so its pages are 404.
        "year" => "2026",
        _ => throw new InvalidOperationException(
            $"The matrix does not know what to put in {{{parameter}}} of {route}: give its entry .Case(…) if it names a case, or .Object(ObjectKind.…) and teach AuthorizationMatrixTests.FreshId to make one."),
    };

    /// <summary>A new object for one call, so a call that deletes or changes it cannot turn the next call's answer into a 404.</summary>
    private async Task<string> FreshId(ObjectKind kind, Cases cases)
    {
        var id = "";
        await app.InScope(async sp =>
        {
            switch (kind)
            {
                case ObjectKind.AtRiskEntry:
                    // An active entry, proposed and approved by two people other than the caller.
                    var registry = sp.GetRequiredService<AtRiskRegistry>();
                    var entry = new Core.Defenders.AtRiskEntry([new(Core.Defenders.IdentifierKind.Handle, "@matrix-" + Guid.NewGuid().ToString("N"))], "journalist",
                        Core.Defenders.AtRiskSource.Staff, false, null, null, Core.Defenders.AtRiskVisibility.LeadAndResponders, null, null);
                    var proposal = await registry.ProposeAsync(entry, Core.Cases.Actor.Person("matrix-proposer", "matrix-proposer"), default);
                    await registry.ApproveAsync(proposal.Id, Core.Cases.Viewer.For(Core.Cases.Actor.Person("matrix-approver", "matrix-approver"), HumanRightsLeadRole, viaToken: false), default);
                    id = proposal.Id.ToString();
                    break;
                case ObjectKind.ApiToken:
                    id = (await sp.GetRequiredService<ApiTokenService>().CreateForMachineAsync("matrix-" + Guid.NewGuid().ToString("N")[..8], TimeSpan.FromDays(1), Someone, default)).Record.Id.ToString();
                    break;
                case ObjectKind.DeadLetter:
                    var db = sp.GetRequiredService<RightsDeskDbContext>();
                    var now = app.Clock.GetUtcNow();
                    var messageId = Guid.CreateVersion7(now);
                    db.Outbox.Add(new OutboxRecord
                    {
                        Id = messageId, Topic = "notice", Channel = OutboxChannel.Webhook, IdempotencyKey = "matrix-" + messageId.ToString("N"), Status = OutboxStatus.DeadLetter,
                        Attempts = 3, CreatedAt = now, NextAttemptAt = now, LastError = "matrix", WrappedKey = [1], SealedPayload = [1],
                    });
                    await db.SaveChangesAsync();
                    id = messageId.ToString();
                    break;
                case ObjectKind.Official:
                    // Registered as the portal's form does; the desk shows a registration waiting for verification too.
                    var email = PortalSupport.NewEmail();
                    var http = new DefaultHttpContext();
                    http.Request.Scheme = "https";
                    http.Request.Host = new HostString("localhost");
                    await sp.GetRequiredService<OfficialRegistration>().RegisterAsync(
                        new RegistrationInput("Matrix Official", "Detective", "Metropolitan Police Matrix Unit", "lawEnforcement", "US", email, "+1 202 555 0100"), http.Request, default);
                    id = (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<RightsDesk.Data.Accounts.DeskUser>>().FindByEmailAsync(email))!.Id;
                    break;
                case ObjectKind.PackageRelease:
                    // A new link to the package of a demand the test's official sent, released to that official.
                    var released = cases.Released ?? throw new InvalidOperationException("No official signed in, so no demand of theirs to release a package from.");
                    var releases = sp.GetRequiredService<PackageReleaseService>();
                    var release = await releases.ReleaseAsync(released.Id, released.PackageId, Someone, TimeSpan.FromDays(1), default);
                    var link = (await releases.ForDemandAsync(released.Id, null, default)).Single(r => r.Id == release.Id).Link;
                    id = link[(link.LastIndexOf('/') + 1)..];
                    break;
                case ObjectKind.TreeHead:
                    id = (await sp.GetRequiredService<TreeHeadService>().IssueAsync(Someone, onlyIfGrown: false, default))!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case ObjectKind.ModerationDecision:
                    id = await Support.ModerationSupport.HeldDecisionAsync(sp);
                    break;
                case ObjectKind.ImpactAssessment or ObjectKind.ImpactBenchmark:
                    var impact = Core.Impact.ImpactReader.Assessment(System.Text.Json.JsonDocument.Parse(
                        "{\"title\":\"Matrix\",\"trigger\":\"marketEntry\",\"scope\":{\"countries\":[\"KE\"]},\"assessors\":[{\"name\":\"A\",\"independent\":true}],\"nextReviewDue\":\"2027-01-01\"}").RootElement);
                    var assessment = await sp.GetRequiredService<Application.Impact.ImpactAssessments>().CreateAsync(impact, Core.Cases.Actor.System("matrix"), default);
                    id = kind == ObjectKind.ImpactAssessment ? assessment.ToString() : (await sp.GetRequiredService<Application.Impact.Benchmarks>().CreateAsync(assessment,
                        new Core.Impact.BenchmarkInput("m", "notices.deadLetters", null, null, "c", 3, 0, Core.Impact.BenchmarkDirection.AtMost), Core.Cases.Actor.System("matrix"), default))!.Value.ToString();
                    break;
                case ObjectKind.Pushback:
                    id = (await sp.GetRequiredService<Application.Pushback.PushbackRecords>().RecordAsync(new Core.Pushback.PushbackInput(Core.Pushback.PushbackKind.Refusal, "Matrix", "HK", [], null, null, null,
                        Core.Pushback.PushbackStatus.Active, null, new DateOnly(2026, 1, 1), [], null), Core.Cases.Actor.System("matrix"), default)).ToString();
                    break;
                case ObjectKind.Incident:
                    id = (await sp.GetRequiredService<Application.Defenders.Incidents.SubmitIncident>().RunAsync(new Core.Defenders.Incidents.IncidentReport(
                        [Core.Defenders.Incidents.IncidentType.Harassment], "Matrix.", [], [], Core.Defenders.Incidents.IncidentUrgency.NotUrgent, false,
                        Core.Defenders.Incidents.ContactChannel.None, null, false, null, "en"), default)).Id.ToString();
                    break;
                case ObjectKind.PartnerApplication:
                    id = (await sp.GetRequiredService<Application.Partners.ApplyAsPartner>().RunAsync(new Core.Partners.PartnerApplication(
                        "Matrix CSO", [Core.Partners.ExpertiseArea.DigitalSecurity], ["TN"], "Matrix", "matrix@cso.example", null, "A matrix application.", "en"), default)).ToString();
                    break;
                case ObjectKind.IllegalContentNotice:
                    id = (await sp.GetRequiredService<Application.IllegalContentNotices.SubmitNotice>().FromPublicAsync(new Core.IllegalContentNotices.IllegalContentNotice(
                        ["https://matrix.example/@m/2"], "The matrix notifies content.", null, null, null, true, "en"), default)).Id.ToString();
                    break;
                default:
                    throw new InvalidOperationException($"No way to make a {kind}: add one to AuthorizationMatrixTests.FreshId.");
            }
        });
        return id;
    }
}
