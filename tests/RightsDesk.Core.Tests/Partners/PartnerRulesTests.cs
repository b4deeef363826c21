using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Partners;

namespace RightsDesk.Core.Tests.Partners;

public sealed class PartnerRulesTests
{
    private static readonly Actor Lead = Actor.Person("id-lead", "lead@example.org");
    private static readonly Actor Responder = Actor.Person("id-responder", "responder@example.org");

    [Fact]
    public void An_application_needs_two_different_people_and_no_machine()
    {
        var vetted = PartnerVetting.Vet(PartnerApplicationStatus.Received, Lead);
        Assert.Equal(PartnerApplicationStatus.Vetted, vetted);
        var self = Assert.Throws<WorkflowException>(() => PartnerVetting.Approve(vetted, Lead, Actor.Person("id-lead", "another name, same person")));
        Assert.Contains("another person", self.Message, StringComparison.Ordinal);
        Assert.Throws<WorkflowException>(() => PartnerVetting.Approve(PartnerApplicationStatus.Received, Lead, Responder));
        Assert.Throws<WorkflowException>(() => PartnerVetting.Vet(PartnerApplicationStatus.Received, Actor.Machine("t1", "platform")));
        Assert.Throws<WorkflowException>(() => PartnerVetting.Approve(vetted, Lead, Actor.System("job")));
        Assert.Equal(PartnerApplicationStatus.Approved, PartnerVetting.Approve(vetted, Lead, Responder));
        Assert.Throws<WorkflowException>(() => PartnerVetting.Reject(PartnerApplicationStatus.Approved, Responder));
    }

    [Fact]
    public void Accuracy_is_upheld_of_decided_flags()
    {
        var accuracy = PartnerAccuracy.Of(["contentRemoved", "declined", null, "accountSecured", "noActionPossible"]);
        Assert.Equal(new PartnerAccuracy(5, 4, 2), accuracy);
        Assert.Equal(50, accuracy.Percent);
        Assert.Null(PartnerAccuracy.Of([null]).Percent);
    }

    [Fact]
    public void The_application_reader_names_every_bad_field()
    {
        var refused = Assert.Throws<ValidationFailedException>(() => PartnerApplicationReader.Read(
            new PartnerApplicationForm("", ["nonsense"], "TR, XX", "", "not-an-address", "ftp://example.org", "short", "en")));
        Assert.Equal(["about", "contactEmail", "contactName", "countries", "expertise", "organisation", "website"], refused.Errors.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.All(refused.Errors, e => Assert.StartsWith("partners.error.", e.Message, StringComparison.Ordinal));

        var read = PartnerApplicationReader.Read(new PartnerApplicationForm(" Digital Defenders Tunis ", ["digitalSecurity", "journalists", "digitalSecurity"], "tn,\nDZ", "Leila M.",
            "leila@ddt.example", "https://ddt.example", "We help journalists in Tunisia and Algeria secure their accounts.", "fr"));
        Assert.Equal("Digital Defenders Tunis", read.Organisation);
        Assert.Equal([ExpertiseArea.DigitalSecurity, ExpertiseArea.Journalists], read.Expertise);
        Assert.Equal(["TN", "DZ"], read.Countries);
    }

    private static IncidentReport Report(params IncidentType[] types) =>
        new(types, "locked out", ["@amina@social.example"], [], IncidentUrgency.ThisWeek, false, ContactChannel.None, null, false, null, "en");

    [Fact]
    public void A_restore_request_from_an_at_risk_person_gets_the_policy_floor_and_a_partner_flag_its_own()
    {
        var restore = new RestoreRequests([IncidentType.AccountCompromise, IncidentType.UnjustTakedown], "S1");
        Assert.Equal("S1", IncidentTriage.Triage(Report(IncidentType.UnjustTakedown), namesAtRiskPerson: true, restore).Severity);
        Assert.Contains(IncidentTriage.Triage(Report(IncidentType.AccountCompromise), true, restore).Findings, f => f.Code == "triage.atRiskRestore");
        // The same request from someone not on the registry keeps its ordinary severity.
        Assert.Equal("S3", IncidentTriage.Triage(Report(IncidentType.UnjustTakedown), namesAtRiskPerson: false, restore).Severity);
        Assert.Equal("S2", IncidentTriage.Triage(Report(IncidentType.Harassment), true, restore).Severity);
        Assert.Equal("S2", IncidentTriage.Triage(Report(IncidentType.Harassment), false, restore, partnerFloor: "S2").Severity);
        Assert.Equal("S3", IncidentTriage.Triage(Report(IncidentType.Harassment), false, restore).Severity);
    }

    [Fact]
    public void A_flag_is_read_by_the_incident_reader_without_a_contact()
    {
        var flag = PartnerFlagReader.Read(null, "An account impersonating a journalist asks her sources for their numbers.", ["@fake@social.example"], [], "today", false, "TR");
        Assert.Equal([IncidentType.Other], flag.Types);
        Assert.Equal(ContactChannel.None, flag.Contact);
        var refused = Assert.Throws<ValidationFailedException>(() => PartnerFlagReader.Read(["nonsense"], "", null, null, "soon", false, null));
        Assert.Equal(["description", "types", "urgency"], refused.Errors.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal));
    }
}
