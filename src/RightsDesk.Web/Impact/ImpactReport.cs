using System.Globalization;
using System.Net;
using System.Text;
using RightsDesk.Application.Impact;
using RightsDesk.Core.Impact;
using RightsDesk.Web.Pages.Desk.Impact;

namespace RightsDesk.Web.Impact;

/// <summary>
/// An impact assessment as one self-contained HTML document (and, printed by headless Chromium, its PDF): scope,
/// method, engagement in numbers, the impacts with their ratings and rationales, the plan, the benchmark figures, the
/// limits of the assessment and its review history. Byte-stable: the same assessment gives the same bytes (no time of
/// printing, invariant culture, everything in a fixed order), so a copy handed to an auditor can be compared with the
/// desk's by its SHA-256. It is for the desk and for assurance, not the public: consultations appear as counts only,
/// never as their groups' words or anyone's name.
/// </summary>
public static class ImpactReport
{
    public static string Render(AssessmentView v, SeverityRule rule)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(rule);
        var h = new StringBuilder();
        h.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(v.Title)).Append(" — human rights impact assessment</title>\n")
         .Append("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}")
         .Append("table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:start;vertical-align:top}")
         .Append("h2{border-bottom:1px solid #999;margin-top:2rem}.muted{color:#444}</style></head><body>\n");
        h.Append("<h1>").Append(E(v.Title)).Append("</h1>\n<p class=\"muted\">Human rights impact assessment ").Append(v.Id.ToString("D"))
         .Append(", under policy version ").Append(E(v.PolicyVersion)).Append(".</p>\n");

        h.Append("<h2>Scope</h2>\n<dl>");
        Item(h, "Trigger", ImpactText.Of(v.Trigger));
        Item(h, "Phase", ImpactText.Of(v.Phase));
        Item(h, "Products", List(v.Scope.Products));
        Item(h, "Countries", List(v.Scope.Countries.Select(ImpactText.Country)));
        Item(h, "Partners", List(v.Scope.Partners));
        Item(h, "Assessors", List(v.Assessors.Select(a => a.Independent ? a.Name + " (independent)" : a.Name)));
        Item(h, "Senior sign-off", v.SignedOffAt is { } at ? $"{v.SignedOffBy}, {ImpactText.When(at)}" : "not signed off");
        Item(h, "Next review due", ImpactText.Day(v.NextReviewDue) + (v.ReviewOverdue ? " (overdue)" : ""));
        Item(h, "External assurance", v.Assurance is { } x ? $"{x.Provider}{(x.Accredited ? " (accredited)" : "")}, {ImpactText.Day(x.On)}" : "none");
        h.Append("</dl>\n");

        h.Append("<h2>Method</h2>\n<p>The assessment follows the five phases of the Danish Institute for Human Rights' guidance, then monitoring. ")
         .Append("Each impact is rated for scale, scope and irremediability from 1 to 4, each with its rationale; severity is ")
         .Append(Weight(rule.ScaleWeight)).Append("scale + ").Append(Weight(rule.ScopeWeight)).Append("scope + ")
         .Append(Weight(rule.IrremediabilityWeight)).Append("irremediability, in bands ")
         .Append(E(string.Join(", ", rule.Bands.OrderByDescending(b => b.AtLeast).Select(b => $"{b.Name} from {b.AtLeast.ToString(CultureInfo.InvariantCulture)}"))))
         .Append(". Likelihood (1 to 4) is rated for potential impacts only. Impacts are listed most severe first, then actual before potential, then by likelihood.</p>\n");

        h.Append("<h2>Engagement</h2>\n<p>").Append(v.Consultations.ToString(CultureInfo.InvariantCulture))
         .Append(v.Consultations == 1 ? " consultation" : " consultations")
         .Append(" with affected stakeholders and experts ").Append(v.Consultations == 1 ? "is" : "are").Append(" recorded. Who took part and what they said are sealed on the desk and not reproduced here.</p>\n");

        h.Append("<h2>Impacts</h2>\n");
        if (v.Risks.Count == 0)
        {
            h.Append("<p>No impacts are recorded yet.</p>\n");
        }

        foreach (var r in v.Risks)
        {
            var risk = r.Risk;
            h.Append("<h3>").Append(r.Rank.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(E(risk.Title)).Append("</h3>\n<dl>");
            Item(h, "Rights", List(risk.Rights.Select(Right)));
            Item(h, "Groups affected", List(risk.Groups.Select(g => Group(g.Group) + " in " + ImpactText.Country(g.Country))));
            Item(h, "Nature and involvement", $"{ImpactText.Of(risk.Nature)}; the platform {(risk.Involvement == Involvement.DirectlyLinked ? "is directly linked to" : ImpactText.Of(risk.Involvement))} it");
            Item(h, "DSA systemic risk", risk.SystemicRisk is { } s ? ImpactText.Of(s) : "none");
            Item(h, "Severity", $"{r.Severity.ToString(CultureInfo.InvariantCulture)} ({r.Band})" + (r.ResidualSeverity is { } rs ? $"; residual {rs.ToString(CultureInfo.InvariantCulture)} ({r.ResidualBand})" : "; residual not yet rated"));
            Item(h, "Evidence", List(risk.Evidence));
            h.Append("</dl>\n");
            Rating(h, "Inherent rating", risk.Inherent);
            if (risk.Residual is { } residual)
            {
                Rating(h, "Residual rating", residual);
            }
        }

        Plan(h, v);
        Benchmarks(h, v);

        h.Append("<h2>Limits</h2>\n<ul><li>Consultations are counted, not quoted: their participants, their words and the precautions taken for them stay sealed on the desk.</li>")
         .Append("<li>Ratings are the assessors' judgement on the evidence listed; a claimed mitigation counts as done only when someone other than its owner has verified it.</li>")
         .Append("<li>Benchmark readings are as of the ledger tree size shown and can be recomputed at that size.</li></ul>\n");

        h.Append("<h2>Review history</h2>\n");
        if (v.Reviews.Count == 0)
        {
            h.Append("<p>No reviews yet.</p>\n");
        }
        else
        {
            h.Append("<table><thead><tr><th>Raised</th><th>Kind</th><th>Cause</th><th>Summary</th><th>Conducted</th><th>Signed off</th></tr></thead><tbody>\n");
            foreach (var r in v.Reviews)
            {
                h.Append("<tr><td>").Append(ImpactText.When(r.RaisedAt)).Append("</td><td>").Append(ImpactText.Of(r.Kind)).Append("</td><td>")
                 .Append(r.Cause is { } c ? ImpactText.Of(c) : "—").Append("</td><td>").Append(E(r.Summary ?? "—")).Append("</td><td>")
                 .Append(r.ConductedAt is { } ca ? E(r.ConductedBy ?? "") + ", " + ImpactText.When(ca) : "—").Append("</td><td>")
                 .Append(r.SignedOffAt is { } sa ? E(r.SignedOffBy ?? "") + ", " + ImpactText.When(sa) : "—").Append("</td></tr>\n");
            }

            h.Append("</tbody></table>\n");
        }

        return h.Append("</body></html>\n").ToString();
    }

    private static void Plan(StringBuilder h, AssessmentView v)
    {
        h.Append("<h2>Plan</h2>\n");
        if (v.Mitigations.Count == 0)
        {
            h.Append("<p>No mitigations are recorded yet.</p>\n");
            return;
        }

        var ranks = v.Risks.ToDictionary(r => r.Id, r => r.Rank);
        h.Append("<table><thead><tr><th>Mitigation</th><th>For impacts</th><th>Owner</th><th>Due</th><th>DSA Art. 35 measure</th><th>Status</th></tr></thead><tbody>\n");
        foreach (var m in v.Mitigations)
        {
            var status = ImpactText.Of(m.Status) + (m.Reason is { } reason ? ": " + reason : "") + (m.Evidence.Count > 0 ? " (evidence: " + string.Join("; ", m.Evidence) + ")" : "");
            h.Append("<tr><td>").Append(E(m.Title)).Append("</td><td>")
             .Append(E(string.Join(", ", m.Risks.Where(ranks.ContainsKey).Select(id => ranks[id]).Order().Select(n => n.ToString(CultureInfo.InvariantCulture)))))
             .Append("</td><td>").Append(E(m.Owner)).Append("</td><td>").Append(ImpactText.Day(m.Due)).Append("</td><td>")
             .Append(m.Measure is { } measure ? ImpactText.Of(measure) : "—").Append("</td><td>").Append(E(status)).Append("</td></tr>\n");
        }

        h.Append("</tbody></table>\n");
    }

    private static void Benchmarks(StringBuilder h, AssessmentView v)
    {
        h.Append("<h2>Benchmarks</h2>\n");
        if (v.Benchmarks.Count == 0)
        {
            h.Append("<p>No benchmarks are set yet.</p>\n");
            return;
        }

        h.Append("<table><thead><tr><th>Benchmark</th><th>Metric</th><th>Baseline</th><th>Target</th><th>Latest reading</th></tr></thead><tbody>\n");
        foreach (var b in v.Benchmarks.OrderBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id))
        {
            var latest = b.Readings.OrderByDescending(r => r.At).ThenByDescending(r => r.TreeSize).FirstOrDefault();
            h.Append("<tr><td>").Append(E(b.Title)).Append("</td><td>").Append(E(b.Metric + (b.Country is { } c ? " (" + c + ")" : ""))).Append("</td><td>")
             .Append(ImpactText.Number(b.Baseline)).Append("</td><td>").Append(ImpactText.Of(b.Direction)).Append(' ').Append(ImpactText.Number(b.Target)).Append("</td><td>")
             .Append(latest is null ? "not read yet" : $"{ImpactText.Number(latest.Value)} on {ImpactText.When(latest.At)} at tree size {latest.TreeSize.ToString(CultureInfo.InvariantCulture)}, {(latest.OnTarget ? "on target" : "off target")}")
             .Append("</td></tr>\n");
        }

        h.Append("</tbody></table>\n");
    }

    private static void Rating(StringBuilder h, string caption, RiskRating rating)
    {
        h.Append("<table><caption>").Append(caption).Append("</caption><thead><tr><th>Component</th><th>Rating</th><th>Rationale</th></tr></thead><tbody>\n");
        Row(h, "Scale", rating.Scale);
        Row(h, "Scope", rating.Scope);
        Row(h, "Irremediability", rating.Irremediability);
        if (rating.Likelihood is { } likelihood)
        {
            Row(h, "Likelihood", likelihood);
        }

        h.Append("</tbody></table>\n");
    }

    private static void Row(StringBuilder h, string name, Rated rated) =>
        h.Append("<tr><th scope=\"row\">").Append(name).Append("</th><td>").Append(rated.Value.ToString(CultureInfo.InvariantCulture)).Append(" of 4</td><td>").Append(E(rated.Rationale)).Append("</td></tr>\n");

    private static void Item(StringBuilder h, string term, string value) => h.Append("<dt>").Append(term).Append("</dt><dd>").Append(E(value)).Append("</dd>");

    /// <summary>A catalogue id as the instrument and article ("iccpr-19" reads "ICCPR art. 19"); others as they are.</summary>
    private static string Right(string id) =>
        id.LastIndexOf('-') is var dash and > 0 && int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var article)
            ? id[..dash].Replace('-', ' ').ToUpperInvariant() + " art. " + article.ToString(CultureInfo.InvariantCulture)
            : id;

    private static string Group(string group) => group switch
    {
        "lgbti" => "LGBTI people",
        _ => ImpactText.Words(group),
    };

    private static string List(IEnumerable<string> items) => items.ToList() is { Count: > 0 } l ? string.Join(", ", l) : "none";

    private static string Weight(int w) => w == 1 ? "" : w.ToString(CultureInfo.InvariantCulture) + "×";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
