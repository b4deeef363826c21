using System.Text.Json;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Pushback;

/// <summary>
/// Reads a push-back record with every refusal collected by JSON path. The country must have a jurisdiction profile and
/// every offence must be in the catalogue, so the record can be found from the law and the country it concerns.
/// </summary>
public static class PushbackReader
{
    private const int Short = 200;
    private const int Text = 4000;

    public static PushbackInput Read(JsonElement o, PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var input = new JsonInput();
        input.RejectUnknown(o, "", "kind", "subject", "country", "offences", "court", "caseNumber", "target", "status", "outcome", "started", "demands", "summary");
        var kind = input.RequiredEnum<PushbackKind>(o, "kind");
        var subject = input.RequiredString(o, "subject", Short);
        var country = input.RequiredString(o, "country", 2);
        if (country is not null && !policy.HasProfile(country))
        {
            input.Error("country", "No jurisdiction profile for this country in the policy.");
        }

        var offences = Strings(input, o, "offences");
        for (var i = 0; i < offences.Count; i++)
        {
            if (!policy.Offences.Any(e => string.Equals(e.Id, offences[i], StringComparison.Ordinal)))
            {
                input.Error($"offences[{i}]", "Not an entry of the offence catalogue.");
            }
        }

        var court = input.OptionalString(o, "court", Short);
        var caseNumber = input.OptionalString(o, "caseNumber", 100);
        AdvocacyTarget? target = o.TryGetProperty("target", out var t) && t.ValueKind != JsonValueKind.Null ? input.Enum<AdvocacyTarget>(t, "target") : null;
        if (!input.HasErrorAt("kind"))
        {
            if (kind == PushbackKind.LegalChallenge && court is null)
            {
                input.Error("court", "A legal challenge names the court it is before.");
            }

            if (kind == PushbackKind.Advocacy && target is null && !input.HasErrorAt("target"))
            {
                input.Error("target", "Advocacy names whom it asks: " + string.Join(", ", JsonNames.All<AdvocacyTarget>()) + ".");
            }

            if (kind != PushbackKind.Advocacy && target is not null)
            {
                input.Error("target", "Only advocacy has a target.");
            }
        }

        var (status, outcome) = StatusAndOutcome(input, o);
        var started = input.RequiredDate(o, "started") ?? default;
        var demands = new List<Guid>();
        foreach (var (s, i) in Strings(input, o, "demands").Select((s, i) => (s, i)))
        {
            if (Guid.TryParse(s, out var id))
            {
                demands.Add(id);
            }
            else
            {
                input.Error($"demands[{i}]", "Not a demand id.");
            }
        }

        var summary = input.OptionalString(o, "summary", Text);
        input.ThrowIfAny();
        return new PushbackInput(kind, subject!, country!, offences, court, caseNumber, target, status, outcome, started, demands.Distinct().ToList(), summary);
    }

    public static PushbackStatusInput Status(JsonElement o)
    {
        var input = new JsonInput();
        input.RejectUnknown(o, "", "status", "outcome", "note");
        var (status, outcome) = StatusAndOutcome(input, o);
        var note = input.OptionalString(o, "note", Text);
        input.ThrowIfAny();
        return new PushbackStatusInput(status, outcome, note);
    }

    /// <summary>An outcome belongs to a concluded record, and a concluded record needs one.</summary>
    private static (PushbackStatus, PushbackOutcome?) StatusAndOutcome(JsonInput input, JsonElement o)
    {
        var status = input.RequiredEnum<PushbackStatus>(o, "status");
        PushbackOutcome? outcome = o.TryGetProperty("outcome", out var v) && v.ValueKind != JsonValueKind.Null ? input.Enum<PushbackOutcome>(v, "outcome") : null;
        if (!input.HasErrorAt("status") && !input.HasErrorAt("outcome"))
        {
            if (status == PushbackStatus.Concluded && outcome is null)
            {
                input.Error("outcome", "A concluded record says how it ended: " + string.Join(", ", JsonNames.All<PushbackOutcome>()) + ".");
            }
            else if (status != PushbackStatus.Concluded && outcome is not null)
            {
                input.Error("outcome", "Only a concluded record has an outcome.");
            }
        }

        return (status, outcome);
    }

    private static List<string> Strings(JsonInput input, JsonElement o, string name)
    {
        var result = new List<string>();
        if (!input.OptionalArray(o, name, "a list of strings", out var list))
        {
            return result;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"{name}[{i++}]";
            if (item.ValueKind == JsonValueKind.String && item.GetString()!.Trim() is { Length: > 0 and <= 100 } s)
            {
                result.Add(s);
            }
            else
            {
                input.Error(at, "Expected a non-empty string of at most 100 characters.");
            }
        }

        return result;
    }
}
