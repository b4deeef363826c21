using System.Globalization;

namespace RightsDesk.Core.Transparency;

/// <summary>How far an element is met, scored as Ranking Digital Rights scores it (full, partial, no credit).</summary>
public enum RdrStatus { Met, Partly, NotMet }

/// <summary>One element of an RDR indicator: what the platform does, the evidence from its own data, the gap
/// (null when met) and where the evidence is published.</summary>
public sealed record RdrElement(int Number, string Element, RdrStatus Status, string Practice, string Evidence, string? Gap, string Link);

/// <summary>An indicator with its elements and its score (0-100, the mean of the elements' credit).</summary>
public sealed record RdrIndicator(string Id, string Title, IReadOnlyList<RdrElement> Elements)
{
    public int Score => Elements.Count == 0 ? 0
        : (int)Math.Round(Elements.Average(e => e.Status switch { RdrStatus.Met => 100.0, RdrStatus.Partly => 50.0, _ => 0.0 }), MidpointRounding.AwayFromZero);
}

/// <summary>What the self-assessment is computed from: the platform's own published reports, policy and records.</summary>
public sealed record RdrEvidence
{
    public int ReportVersions { get; init; }
    public string? LatestPeriod { get; init; }
    public int LatestVersion { get; init; }
    public DateOnly? LatestPublished { get; init; }
    /// <summary>A version was published in the 12 months before the day assessed.</summary>
    public bool PublishedWithinYear { get; init; }
    /// <summary>The latest version's tables and "table/measure" keys.</summary>
    public IReadOnlySet<string> Tables { get; init; } = new HashSet<string>();
    /// <summary>The latest version's share of affected users per notice situation, as published ("12.5" or "0-100").</summary>
    public IReadOnlyDictionary<string, string> NoticeShares { get; init; } = new Dictionary<string, string>();
    public int Jurisdictions { get; init; }
    public int JurisdictionsWithForeignRules { get; init; }
    public int Offences { get; init; }
    public string PolicyVersion { get; init; } = "";
    public int PushbackRecords { get; init; }
    public long Statements { get; init; }
    public long AccountStatements { get; init; }
    /// <summary>Originals in the latest public-tier publication of government takedown demands, and its day.</summary>
    public int PublishedOriginals { get; init; }
    public DateOnly? OriginalsPublishedOn { get; init; }
    /// <summary>Originals the public web pages show now (/transparency/takedowns: the latest year with a takedown
    /// demand), and that year; the pages are a publication too, one that no console run records.</summary>
    public int ShownOriginals { get; init; }
    public int? ShownYear { get; init; }
    /// <summary>Notices in the latest Lumen export (written for the archive; their submission is not recorded).</summary>
    public int LumenNotices { get; init; }
    /// <summary>The impact assessments G4a is scored from.</summary>
    public Impact.G4aEvidence Impact { get; init; } = new();
}

/// <summary>
/// The RDR self-assessment on G4a, F5a, F6, F8, P10a, P11a and P12 (RDR 2020 elements), element by element, from the
/// evidence alone: a report table that exists, a share that was published, a policy that says it. An element the
/// product does not do is scored as not met with the gap named, never claimed.
/// </summary>
public static class RdrSelfAssessment
{
    public static IReadOnlyList<RdrIndicator> Assess(RdrEvidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return [Impact.G4aSelfAssessment.Assess(e.Impact), Process(e, "F5a", "Process for responding to government demands to restrict content or accounts", restriction: true), Restrictions(e), Notice(e),
            Process(e, "P10a", "Process for responding to government demands for user information", restriction: false), UserData(e), UserNotice(e)];
    }

    private static RdrIndicator Process(RdrEvidence e, string id, string title, bool restriction)
    {
        var what = restriction ? "restrict content or accounts" : "hand over user information";
        var profiles = $"{e.Jurisdictions} jurisdiction profiles (policy {e.PolicyVersion}) each say which legal process suffices to {what}";
        return new(id, title,
        [
            new(1, "Explains its process for non-judicial government demands", Is(e.Jurisdictions > 0), "Published law-enforcement guidelines generated from the policy, per country", profiles, e.Jurisdictions > 0 ? null : "no jurisdiction profile is published", "/en/guidelines"),
            new(2, "Explains its process for court orders", Is(e.Jurisdictions > 0), "The guidelines state, per country and data category, when a court order is required", profiles, e.Jurisdictions > 0 ? null : "no jurisdiction profile is published", "/en/guidelines"),
            new(3, "Explains its process for demands from foreign jurisdictions", e.JurisdictionsWithForeignRules > 0 ? RdrStatus.Met : RdrStatus.Partly, "Foreign authorities are routed through mutual legal assistance unless a profile allows direct requests",
                $"{e.JurisdictionsWithForeignRules} of {e.Jurisdictions} profiles set rules for foreign authorities", e.JurisdictionsWithForeignRules > 0 ? null : "no profile sets rules for foreign authorities; only the general MLAT route is stated", "/en/guidelines"),
            new(4, "Explains the legal basis under which it may comply", Is(e.Offences > 0), "Every demand must name its legal basis; the offence catalogue maps laws to categories",
                $"{e.Offences} entries in the offence catalogue", e.Offences > 0 ? null : "the offence catalogue is empty", "/en/guidelines"),
            new(5, "Commits to carry out due diligence before deciding", RdrStatus.Met, "Every demand is assessed against its jurisdiction profile and international standards before a decision, with four-eyes approval for disclosure and restriction",
                $"assessments record the policy version they used (now {e.PolicyVersion})", null, "/en/guidelines"),
            new(6, "Commits to push back on inappropriate or overbroad demands", e.PushbackRecords > 0 ? RdrStatus.Met : RdrStatus.Partly, "Demands are rejected, narrowed or challenged case by case; legal challenges, advocacy and refusals are recorded and published",
                $"{e.PushbackRecords} push-back records published", e.PushbackRecords > 0 ? null : "the commitment is stated but no push-back beyond single cases is on record yet", "/en/transparency/pushback"),
            new(7, "Provides clear guidance or examples of its process", Is(e.Jurisdictions > 0), "Per-country guidelines with the documents and processes each kind of demand needs",
                profiles, e.Jurisdictions > 0 ? null : "no guidelines are published", "/en/guidelines"),
        ]);
    }

    private static RdrIndicator Restrictions(RdrEvidence e)
    {
        string? Gap(bool met, string gap) => met ? null : gap;
        var latest = Latest(e);
        return new("F6", "Data about government demands to restrict content or accounts",
        [
            Table(e, 1, "Breaks out the number of demands by country", "restriction_by_country"),
            new(2, "Lists the number of accounts affected", RdrStatus.NotMet, "Account restrictions are counted as demands and items, by kind", latest, "accounts affected by restriction demands are not a separate measure", "/en/transparency"),
            Table(e, 3, "Lists the number of pieces of content or URLs affected", "restriction_totals/items_requested"),
            Table(e, 4, "Lists the types of subject matter associated with the demands", "restriction_by_offence"),
            Table(e, 5, "Breaks out the number of demands by legal authority", "restriction_by_process"),
            new(6, "Includes demands that came through unofficial processes", Is(e.Tables.Contains("restriction_by_authority")), "Demands from informal channels and internet referral units are counted by authority type", latest,
                Gap(e.Tables.Contains("restriction_by_authority"), "no published report breaks restrictions out by authority type"), "/en/transparency"),
            Table(e, 7, "Lists the number of demands it complied with", "restriction_by_outcome"),
            Originals(e),
            new(9, "Reports this data at least once a year", Is(e.PublishedWithinYear), "Half-yearly and yearly reports", latest, Gap(e.PublishedWithinYear, "no report was published in the last twelve months"), "/en/transparency"),
            new(10, "Data is available as a structured data file", Is(e.ReportVersions > 0), "Tidy CSV with a Frictionless data package, and JSON with a schema", latest, Gap(e.ReportVersions > 0, "no report is published"), "/en/transparency"),
        ]);
    }

    /// <summary>F6.8 from what the public pages show and the ledger's record of publications: met by originals on
    /// the public pages or by a public-tier publication that held at least one; a Lumen export alone is partial
    /// credit, since RightsDesk writes the notices but does not record that they reached the archive.</summary>
    private static RdrElement Originals(RdrEvidence e)
    {
        const string element = "Publishes the original demands or discloses them to a public archive";
        const string practice = "Decided takedown demands are published one file per demand under country and year, verbatim with personal data replaced by marked placeholders, each redaction explained; and written as Lumen notices";
        var lumen = e.LumenNotices > 0 ? $"; {e.LumenNotices} notices in the latest Lumen export" : "";
        if (e.PublishedOriginals > 0 || e.ShownOriginals > 0)
        {
            var said = new List<string>();
            if (e.ShownOriginals > 0)
            {
                said.Add(string.Create(CultureInfo.InvariantCulture, $"{e.ShownOriginals} originals of {e.ShownYear} on the public pages"));
            }

            if (e.PublishedOriginals > 0)
            {
                var on = e.OriginalsPublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
                said.Add($"{e.PublishedOriginals} originals in the latest public publication ({on})");
            }

            return new(8, element, RdrStatus.Met, practice, string.Join("; ", said) + lumen, null, e.ShownOriginals > 0 ? "/en/transparency/takedowns" : "/en/transparency");
        }

        var none = e.OriginalsPublishedOn is null ? "no public publication of original demands is on record" : "the latest public publication held no original";
        return e.LumenNotices > 0
            ? new(8, element, RdrStatus.Partly, practice, none + lumen, "no original is on the public pages or in a public-tier publication (rightsdesk publish takedowns --tier public), and the Lumen notices' submission is not recorded", "/en/transparency")
            : new(8, element, RdrStatus.NotMet, practice, none, "no decided takedown demand is on the public pages or has been published: decide one, run rightsdesk publish takedowns --tier public, or export the notices to Lumen", "/en/transparency");
    }

    private static RdrIndicator Notice(RdrEvidence e)
    {
        var statements = $"{e.Statements} statements of reasons issued";
        return new("F8", "User notification about content and account restriction",
        [
            new(1, "Notifies users who generated the content when it is restricted", e.Statements > 0 ? RdrStatus.Met : RdrStatus.Partly, "A statement of reasons (DSA Art. 17) goes to the user for every moderation decision", statements, e.Statements > 0 ? null : "none issued yet", "/en/appeal"),
            new(2, "Notifies users who attempt to access restricted content", RdrStatus.NotMet, "Not yet", "no notice is shown in place of restricted content", "a notice in place of restricted content is the platform's, not built into RightsDesk", "/en/transparency"),
            new(3, "Gives the reason the content was restricted", e.Statements > 0 ? RdrStatus.Met : RdrStatus.Partly, "Each statement names the ground, the facts, the legal or contractual basis and the automation used", statements, e.Statements > 0 ? null : "none issued yet", "/en/appeal"),
            new(4, "Notifies users when their account is restricted, with the reason", e.AccountStatements > 0 ? RdrStatus.Met : RdrStatus.Partly, "Suspensions and terminations carry a statement of reasons like any other decision",
                $"{e.AccountStatements} statements for account suspensions or terminations", e.AccountStatements > 0 ? null : "no account restriction has had a statement yet", "/en/appeal"),
        ]);
    }

    private static RdrIndicator UserData(RdrEvidence e)
    {
        var latest = Latest(e);
        return new("P11a", "Data about government demands for user information",
        [
            Table(e, 1, "Breaks out the number of demands by country", "user_data_by_country"),
            new(2, "Lists the number of demands for stored information and for real-time communications access", Is(e.Tables.Contains("user_data_by_data")), "What was handed over is counted as content (including interception) or non-content", latest,
                e.Tables.Contains("user_data_by_data") ? null : "no published report breaks this out", "/en/transparency"),
            Table(e, 3, "Lists the number of accounts affected", "user_data_totals/accounts_affected"),
            Table(e, 4, "Lists whether a demand sought communications content, non-content or both", "user_data_by_data"),
            Table(e, 5, "Breaks out demands by legal authority or process type", "user_data_by_process"),
            Table(e, 6, "Includes demands that came from court orders", "user_data_by_process"),
            Table(e, 7, "Lists the number of demands it complied with, by category", "user_data_by_outcome"),
            new(8, "Reports the exact numbers it is prohibited by law from disclosing, or the types", RdrStatus.NotMet, "Not yet", "national-security demands are not reported in statutory bands", "the statutory bands (50 USC 1874) are not reported yet", "/en/transparency"),
            new(9, "Reports this data at least once a year", Is(e.PublishedWithinYear), "Half-yearly and yearly reports", latest, e.PublishedWithinYear ? null : "no report was published in the last twelve months", "/en/transparency"),
            new(10, "Data is available as a structured data file", Is(e.ReportVersions > 0), "Tidy CSV with a Frictionless data package, and JSON with a schema", latest, e.ReportVersions > 0 ? null : "no report is published", "/en/transparency"),
        ]);
    }

    private static RdrIndicator UserNotice(RdrEvidence e)
    {
        var shares = e.NoticeShares.Count == 0 ? "no report with user notices is published"
            : string.Join(", ", e.NoticeShares.Select(s => $"{s.Key} {s.Value}%")) + $" of affected users ({e.LatestPeriod} version {e.LatestVersion.ToString(CultureInfo.InvariantCulture)})";
        var notifies = e.NoticeShares.Count > 0;
        return new("P12", "User notification about third-party requests for user information",
        [
            new(1, "Commits to notify users when government entities request their information", notifies ? RdrStatus.Met : RdrStatus.Partly, "Users are notified before disclosure unless the law forbids it, and as soon as a gag or emergency ends",
                shares, notifies ? null : "the commitment is stated but no notice figures are published yet", "/en/transparency"),
            new(2, "Commits to notify users when they receive requests from non-governmental entities", RdrStatus.NotMet, "Not covered", "RightsDesk handles state demands only", "private requests are not handled or counted", "/en/transparency"),
            new(3, "Discloses situations when it might not notify users, including the types of requests it is prohibited by law from notifying on", notifies ? RdrStatus.Met : RdrStatus.Partly,
                "The report counts users not notified because a gag is in force, an indefinite gag is under review, nothing was disclosed, or notice was cancelled", shares,
                notifies ? null : "no notice figures are published yet", "/en/transparency"),
        ]);
    }

    private static RdrElement Table(RdrEvidence e, int number, string element, string table)
    {
        var has = e.Tables.Contains(table);
        return new(number, element, Is(has), "Computed from the stored cases, published half-yearly and yearly", has ? $"table {table} in {e.LatestPeriod} version {e.LatestVersion.ToString(CultureInfo.InvariantCulture)}" : "no published report has it",
            has ? null : $"no published report has {table}", "/en/transparency");
    }

    private static string Latest(RdrEvidence e) => e.LatestPeriod is null ? "no report published yet"
        : $"{e.ReportVersions} report versions; latest {e.LatestPeriod} version {e.LatestVersion.ToString(CultureInfo.InvariantCulture)}, published {e.LatestPublished?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static RdrStatus Is(bool met) => met ? RdrStatus.Met : RdrStatus.NotMet;
}
