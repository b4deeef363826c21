using System.Collections.Frozen;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Letters;

/// <summary>
/// The desk's words for every enum value and state, from the same policy/templates/labels/en.json that letters,
/// notices and the public pages use: a reviewer reads "request for user data" on the queue and in the letter alike.
/// The desk is in English; the families only staff read (<see cref="StaffFamilies"/>) are therefore kept in the
/// English file alone, and translations need not carry them.
/// </summary>
public sealed class DeskWords
{
    /// <summary>Label families that appear only on the desk, never in a letter, notice or public page.</summary>
    public static readonly FrozenSet<string> StaffFamilies = FrozenSet.ToFrozenSet(
        ["demandState", "workflowAction", "channel", "authorityType", "targetType", "noticePlan", "noticeStatus",
         "outboxStatus", "outboxTopic", "findingOutcome", "check", "officialVerification", "requesterFlag", "role", "milestone", "milestoneStatus", "caseLoop",
         "nextStep", "glossary", "outcome",
         "identifierKind", "atRiskSource", "atRiskVisibility", "atRiskStatus"], StringComparer.Ordinal);

    private readonly Vocabulary _words;

    private DeskWords(Vocabulary words) => _words = words;

    public static DeskWords For(PolicySet policy) => new(Vocabulary.For(policy, Vocabulary.Fallback));

    /// <summary>The label of any enum value: the family is the enum's name in camel case ("demandState.received").</summary>
    public string Of<T>(T value) where T : struct, Enum
    {
        var type = typeof(T).Name;
        // A recommendation or decision is said on the desk as what to do ("disclose in part"), where letters say
        // what was done ("data disclosed in part").
        var family = type == nameof(Assessment.Recommendation) ? "outcome" : char.ToLowerInvariant(type[0]) + type[1..];
        return _words[family + "." + JsonNames.Of(value)];
    }

    public string Of<T>(T? value) where T : struct, Enum => value is { } v ? Of(v) : "—";

    /// <summary>An outbox topic in words; a topic this vocabulary does not know yet is shown as it is stored.</summary>
    public string Topic(string topic) =>
        _words.Family("outboxTopic").Where(t => t.Term == topic).Select(t => t.Text).FirstOrDefault() ?? topic;

    /// <summary>An assessment check by its name ("Legal process"); a check this vocabulary does not know is shown as stored.</summary>
    public string Check(string check) =>
        _words.Family("check").Where(t => t.Term == check).Select(t => t.Text).FirstOrDefault() ?? check;

    /// <summary>
    /// A ledger event's stable name as words ("DemandCreated" reads "Demand created"). The name itself is the
    /// ledger's contract and stays as it is in exports and verification.
    /// </summary>
    public static string Event(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = System.Text.RegularExpressions.Regex.Split(name, "(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
        // An acronym ("PDF") stays in capitals; any other word after the first is lower-cased.
        return string.Join(" ", parts.Select((w, i) => i == 0 || (w.Length > 1 && w.All(char.IsUpper)) ? w : w.ToLowerInvariant()));
    }

    /// <summary>The label of a value given by its JSON name (as forms and query strings carry it).</summary>
    public string OfName<T>(string name) where T : struct, Enum => JsonNames.TryParse<T>(name, out var v) ? Of(v) : name;

    public string List<T>(IEnumerable<T> values, string none = "none") where T : struct, Enum
    {
        var words = values.Select(Of).ToList();
        return words.Count == 0 ? none : string.Join(", ", words);
    }

    /// <summary>What happens next to a case in this state, and who does it.</summary>
    public string NextStep(Demands.DemandState state) => _words["nextStep." + JsonNames.Of(state)];

    /// <summary>"account 1": a target named by its type and its position in the demand, counted from one.</summary>
    public string Target(Demands.TargetType type, int index) => Of(type) + " " + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The desk's glossary: each term and what it means here.</summary>
    public IReadOnlyList<(string Term, string Text)> Glossary => _words.Family("glossary").ToList();

    /// <summary>What a role may do, in a sentence for the accounts page.</summary>
    public string Role(string role) => _words["role." + role];

    /// <summary>The role's name: its description up to the colon ("Legal reviewer").</summary>
    public string RoleName(string role)
    {
        var text = Role(role);
        var cut = text.IndexOf(": ", StringComparison.Ordinal);
        return cut > 0 ? text[..cut] : role;
    }

    public string Territories(IReadOnlyList<string> territories) => territories.Count == 0 ? "—" : _words.Territories(territories);
}
