using System.Text.Json.Nodes;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Tests.Letters;

/// <summary>
/// Worked examples changed one field at a time so that, together with the examples themselves, every finding the
/// checks know is produced at least once by the real assessor.
/// </summary>
internal static class CraftedDemands
{
    private static readonly Lazy<PolicySet> WithoutBlockingRule = new(() => Changed("jurisdictions/US.json", j => j.AsObject().Remove("foreignAuthorities")));
    private static readonly Lazy<PolicySet> WithoutEmergencyPath = new(() => Changed("jurisdictions/default.json", j => j["emergency"]!["allowed"] = false));

    public static IEnumerable<(string Name, Demand Demand, AssessmentResult Result)> All()
    {
        var shipped = ShippedPolicy.Policy;
        foreach (var (name, example, change, standing, policy) in Cases())
        {
            var node = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedPolicy.PolicyDirectory, "examples", example + ".demand.json")))!;
            change(node);
            var demand = DemandReader.Read(node.ToJsonString());
            // The reader refuses a restriction without its scope; a demand built in code can still lack one.
            demand = name.EndsWith("without scope", StringComparison.Ordinal) ? demand with { Restriction = null } : demand;
            yield return (name, demand, new RightsAssessor(policy ?? shipped).Assess(demand, requester: standing));
        }
    }

    private static IEnumerable<(string Name, string Example, Action<JsonNode> Change, RequesterStanding? Standing, PolicySet? Policy)> Cases()
    {
        const string warrant = "01-us-search-warrant";
        var since = new DateOnly(2026, 1, 12);
        static void Email(JsonNode n) => n["channel"] = "email";

        yield return ("not in writing", warrant, n => n["document"]!["written"] = false, null, null);
        yield return ("emergency not in writing", "14-us-genuine-emergency", n => n["document"] = new JsonObject { ["written"] = false }, null, null);
        yield return ("no officer, reference, reasons or period", warrant, n =>
        {
            n["authority"]!.AsObject().Remove("officer");
            n["authority"]!.AsObject().Remove("reference");
            n.AsObject().Remove("statementOfReasons");
            n.AsObject().Remove("dateRange");
        }, null, null);
        yield return ("gag without basis", "02-us-search-warrant-with-gag", n => n["nonDisclosure"]!.AsObject().Remove("basis"), null, null);
        yield return ("nothing named", warrant, n =>
        {
            n.AsObject().Remove("legalBasis");
            n.AsObject().Remove("offence");
            n.AsObject().Remove("statementOfReasons");
        }, null, null);
        yield return ("dsa order without effect report", "10-dsa-article-10-order", n => n["authority"]!["email"] = null, null, null);
        yield return ("dsa restriction without scope", "07-germany-section-130-court-order", n => n["legalProcess"] = "dsaOrder", null, null);
        yield return ("dsa content order naming an account", "07-germany-section-130-court-order", n =>
        {
            n["legalProcess"] = "dsaOrder";
            n["targets"] = new JsonArray(new JsonObject { ["type"] = "account", ["id"] = "acct-1" });
        }, null, null);

        yield return ("unofficial domain, unsigned, unverified", warrant, n =>
        {
            Email(n);
            n["authority"]!["email"] = "agent@fbi-field.example.com";
            n["authority"]!["verified"] = false;
            n["document"]!["signed"] = false;
        }, null, null);
        yield return ("no letterhead, verified by call-back", warrant, n =>
        {
            Email(n);
            n["document"]!["officialLetterhead"] = false;
        }, null, null);
        yield return ("verified portal account", warrant, _ => { }, new RequesterStanding(RequesterStatus.VerifiedPortal, since), null);
        yield return ("unverified portal account", warrant, _ => { }, new RequesterStanding(RequesterStatus.UnverifiedPortal), null);
        yield return ("account flagged forged", warrant, _ => { }, new RequesterStanding(RequesterStatus.FlaggedForged, since), null);
        yield return ("account flagged abusive", warrant, _ => { }, new RequesterStanding(RequesterStatus.FlaggedAbusive, since), null);
        yield return ("verified claimed, no call-back recorded", warrant, n => n["channel"] = "email", RequesterStanding.Unknown, null);
        yield return ("call-back recorded on the desk", warrant, n => n["channel"] = "email", new RequesterStanding(RequesterStatus.VerifiedCallBack, since), null);

        yield return ("user data on no process", warrant, n => n["legalProcess"] = "informal", null, null);
        yield return ("subpoena for content only", "03-us-subpoena-overbroad", n => n["dataCategories"] = new JsonArray("content"), null, null);
        yield return ("restriction on a subpoena", "07-germany-section-130-court-order", n => n["legalProcess"] = "subpoena", null, null);
        yield return ("foreign court order for subscriber data", "05-brazil-content-without-mlat", n => n["dataCategories"] = new JsonArray("subscriberInfo"), null, null);
        yield return ("foreign demand through mlat", "05-brazil-content-without-mlat", n => n["legalProcess"] = "mlat", null, null);
        yield return ("home law without a blocking rule", "05-brazil-content-without-mlat", _ => { }, null, WithoutBlockingRule.Value);

        yield return ("no profile", warrant, n => n["authority"]!["country"] = "ZW", null, null);
        yield return ("emergency where the law has none", "14-us-genuine-emergency", n => n["authority"]!["country"] = "ZW", null, WithoutEmergencyPath.Value);
        yield return ("suspended state", warrant, n => n["authority"]!["country"] = "IR", null, null);
        yield return ("restriction from a state whose restrictions are contested", "07-germany-section-130-court-order", n => n["authority"]!["country"] = "RU", null, null);
        yield return ("questionable law", warrant, n => n["offence"] = "Spreading fake news", null, null);

        yield return ("part of the demand a dragnet", warrant, n => n["targets"]!.AsArray().Add(new JsonObject { ["type"] = "keyword", ["id"] = "protest" }), null, null);
        yield return ("too many targets", warrant, n => n["targets"] = Targets(101), null, null);
        yield return ("many targets", warrant, n => n["targets"] = Targets(6), null, null);
        yield return ("overbroad period", warrant, n => n["dateRange"] = new JsonObject { ["from"] = "2020-01-01", ["to"] = "2026-01-31" }, null, null);
        yield return ("long period", warrant, n => n["dateRange"] = new JsonObject { ["from"] = "2025-01-01", ["to"] = "2026-01-31" }, null, null);
        yield return ("sensitive data on an administrative order", "20-uk-overseas-production-order", n =>
        {
            n["legalProcess"] = "administrativeOrder";
            n["dataCategories"] = new JsonArray("subscriberInfo", "trafficMetadata", "contacts");
            n.AsObject().Remove("statementOfReasons");
        }, null, null);

        yield return ("restriction asked locally", "07-germany-section-130-court-order", n => n["restriction"] = new JsonObject { ["action"] = "geoBlock", ["territories"] = new JsonArray("DE") }, null, null);
        yield return ("account suspension", "07-germany-section-130-court-order", n =>
        {
            n["kind"] = "accountRestriction";
            n["restriction"] = new JsonObject { ["action"] = "suspend", ["territories"] = new JsonArray("DE") };
        }, null, null);
        yield return ("incitement without the Rabat factors", "07-germany-section-130-court-order", n =>
        {
            n["legalProcess"] = "administrativeOrder";
            n["statementOfReasons"] = "The post incites hatred.";
        }, null, null);
        yield return ("incitement with every Rabat factor", "07-germany-section-130-court-order", n =>
        {
            n["legalProcess"] = "administrativeOrder";
            n["statementOfReasons"] = n["statementOfReasons"]!.GetValue<string>() + " The intent to incite is shown by the wording.";
        }, null, null);
        yield return ("restriction of political speech", "07-germany-section-130-court-order", n => n["statementOfReasons"] = "The post criticises the government and the president.", null, null);
    }

    private static JsonArray Targets(int count) =>
        new([.. Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject { ["type"] = "account", ["id"] = $"acct-{i}" })]);

    private static PolicySet Changed(string file, Action<JsonNode> change)
    {
        var files = ShippedPolicy.CopyOfFiles();
        var node = JsonNode.Parse(files[file])!;
        change(node);
        files[file] = node.ToJsonString();
        return PolicySet.Parse(files);
    }
}
