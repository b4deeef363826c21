using System.Text.RegularExpressions;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>
/// Finds the elements DSA Art. 9(2) and 10(2) require wherever the authority wrote them. Orders arrive as letters, not
/// forms: the redress sentence is often the last paragraph of the statement of reasons, and the reasons are often part
/// of the legal basis. Refusing an order for lacking an element it contains would be a clarification request the
/// authority cannot answer, so each element counts when its structured field or any of the authority's own text
/// carries it. The words are the ones EU orders use in the languages the desk receives most (English, French,
/// German, Spanish, Italian, Dutch, Portuguese).
/// </summary>
internal static partial class DsaOrderElements
{
    /// <summary>The authority's own words, each with the name a finding uses to say where an element was found.</summary>
    public static IReadOnlyList<(string Where, string Text)> Texts(Demand d) =>
        new (string, string?)[]
        {
            ("the statement of reasons", d.StatementOfReasons),
            ("the legal basis", d.LegalBasis),
            ("the description of the offence", d.Offence),
            ("the redress information", d.Redress),
        }.Where(t => !string.IsNullOrWhiteSpace(t.Item2)).Select(t => (t.Item1, t.Item2!)).ToList();

    /// <summary>Where the reasons are, if anywhere: the structured field, or reasoning written into another text.</summary>
    public static string? Reasons(Demand d) =>
        d.StatementOfReasons is not null ? "the statement of reasons" : Find(d, ReasonsWords(), except: "the statement of reasons");

    public static string? Redress(Demand d) =>
        d.Redress is not null ? "the redress information" : Find(d, RedressWords(), except: "the redress information");

    /// <summary>Where to report the effect: the authority's address, or an address or reporting instruction in its text.</summary>
    public static string? EffectReport(Demand d) =>
        d.Authority.Email is not null ? "the authority's contact address" : Find(d, EffectWords(), except: null);

    private static string? Find(Demand d, Regex words, string? except) =>
        Texts(d).Where(t => t.Where != except).Select(t => words.IsMatch(t.Text) ? t.Where : null).FirstOrDefault(w => w is not null);

    // Words that only reasoning uses; "grounds" alone is left out because "on the grounds of Article 10" is a citation.
    [GeneratedRegex(@"\b(reasons?\b|because\b|necessity|necessary|proportional|objective:|motifs?\b|motivation|nécessité|nécessaire|begründung|erforderlich|verhältnismäßig|motivos?\b|necesidad|motivazione|necessità|noodzakelijk|motivering|fundamentação)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ReasonsWords();

    [GeneratedRegex(@"\b(redress|appeal|contest|challenge[ds]? (this|the) order|judicial review|remed(y|ies)|recours|contester|rechtsbehelf|rechtsmittel|widerspruch|beschwerde|anfechten|recurso|impugnar|ricorso|impugnare|bezwaar|beroep)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RedressWords();

    // An address to write to, or an instruction to report or confirm the effect given to the order.
    [GeneratedRegex(@"([\w.+-]+@[\w-]+(\.[\w-]+)+|https://\S+|\b(report|inform|notify|confirm)\w*\b[^.]{0,80}\beffect|effet donné|informer[^.]{0,60}\beffet|über die wirkung|wirkung[^.]{0,60}\bmitteil|efecto dado|seguito dato)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EffectWords();
}
