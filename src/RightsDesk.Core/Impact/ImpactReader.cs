using System.Text.Json;

namespace RightsDesk.Core.Impact;

/// <summary>
/// Reads the impact assessment's inputs with every refusal collected by JSON path: a risk missing three rationales is
/// refused once, with all three named. The API and the desk's forms (through PostedForm) read the same JSON.
/// </summary>
public static class ImpactReader
{
    private const int Text = 2000;
    private const int Short = 200;

    public static AssessmentInput Assessment(JsonElement o)
    {
        var input = new JsonInput();
        input.RejectUnknown(o, "", "title", "trigger", "scope", "phase", "assessors", "nextReviewDue", "assurance");
        var title = input.RequiredString(o, "title", Short);
        var trigger = input.RequiredEnum<AssessmentTrigger>(o, "trigger");
        var phase = o.TryGetProperty("phase", out _) ? input.RequiredEnum<AssessmentPhase>(o, "phase") : AssessmentPhase.PlanningAndScoping;
        var scope = new AssessmentScope([], [], []);
        if (input.RequiredObject(o, "scope", out var s))
        {
            input.RejectUnknown(s, "scope", "products", "countries", "partners");
            var countries = Strings(input, s, "countries", "scope.countries", 10);
            for (var i = 0; i < countries.Count; i++)
            {
                if (!CountryCode.TryParse(countries[i], out _))
                {
                    input.Error($"scope.countries[{i}]", "Not an ISO 3166-1 alpha-2 country code.");
                }
            }

            scope = new AssessmentScope(Strings(input, s, "products", "scope.products", Short), countries, Strings(input, s, "partners", "scope.partners", Short));
            if (scope.Products.Count + scope.Countries.Count == 0)
            {
                input.Error("scope", "Name at least one product or country.");
            }
        }

        var assessors = new List<Assessor>();
        if (input.OptionalArray(o, "assessors", "a list of assessors", out var list))
        {
            var i = 0;
            foreach (var a in list.EnumerateArray())
            {
                var path = $"assessors[{i++}]";
                if (a.ValueKind != JsonValueKind.Object)
                {
                    input.Error(path, "Expected an object with name and independent.");
                    continue;
                }

                input.RejectUnknown(a, path, "name", "independent");
                var name = input.RequiredString(a, "name", Short, path + ".name");
                var independent = input.RequiredBool(a, "independent", path + ".independent");
                if (name is not null && independent is not null)
                {
                    assessors.Add(new Assessor(name, independent.Value));
                }
            }
        }

        if (assessors.Count == 0 && !input.HasErrorAt("assessors"))
        {
            input.Error("assessors", "Name at least one assessor.");
        }

        var due = input.RequiredDate(o, "nextReviewDue");
        ExternalAssurance? assurance = null;
        if (input.OptionalObject(o, "assurance", out var x))
        {
            input.RejectUnknown(x, "assurance", "provider", "accredited", "on");
            var provider = input.RequiredString(x, "provider", Short, "assurance.provider");
            var accredited = input.RequiredBool(x, "accredited", "assurance.accredited");
            var on = input.RequiredDate(x, "on", "assurance.on");
            assurance = provider is null || accredited is null || on is null ? null : new ExternalAssurance(provider, accredited.Value, on.Value);
        }

        input.ThrowIfAny();
        return new AssessmentInput(title!, trigger, scope, phase, assessors, due!.Value, assurance);
    }

    public static AssessmentPhase Phase(JsonElement o)
    {
        var input = new JsonInput();
        input.RejectUnknown(o, "", "phase");
        var phase = input.RequiredEnum<AssessmentPhase>(o, "phase");
        input.ThrowIfAny();
        return phase;
    }

    public static MitigationInput Mitigation(JsonElement o)
    {
        var input = new JsonInput();
        input.RejectUnknown(o, "", "title", "risks", "owner", "due", "measure");
        var title = input.RequiredString(o, "title", Short);
        var risks = Ids(input, o, "risks");
        if (risks.Count == 0 && !input.HasErrorAt("risks"))
        {
            input.Error("risks", "Name the risks this mitigation addresses (at least one).");
        }

        var owner = input.RequiredString(o, "owner", Short);
        var due = input.RequiredDate(o, "due");
        MitigationMeasure? measure = o.TryGetProperty("measure", out var m) && m.ValueKind != JsonValueKind.Null ? input.Enum<MitigationMeasure>(m, "measure") : null;
        input.ThrowIfAny();
        return new MitigationInput(title!, risks, owner!, due!.Value, measure);
    }

    public static MitigationStatusInput MitigationStatus(JsonElement o)
    {
        var input = new JsonInput();
        input.RejectUnknown(o, "", "mitigation", "status", "reason", "evidence");
        var id = Id(input, o, "mitigation");
        var status = input.RequiredEnum<MitigationStatus>(o, "status");
        var reason = input.OptionalString(o, "reason", Text);
        var evidence = Strings(input, o, "evidence", "evidence", Text);
        input.ThrowIfAny();
        return new MitigationStatusInput(id!.Value, status, reason, evidence);
    }

    public static ConsultationInput Consultation(JsonElement o, ImpactPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var input = new JsonInput();
        input.RejectUnknown(o, "", "group", "country", "method", "heldOn", "participants", "consented", "namedParticipants", "precautions", "issuesRaised", "risks", "reportedBack");
        var group = input.RequiredString(o, "group", Short);
        if (group is not null && !policy.IsGroup(group))
        {
            input.Error("group", "One of: " + string.Join(", ", policy.Groups) + ".");
        }

        var country = Country(input, o, "country", "country");
        var method = input.RequiredEnum<ConsultationMethod>(o, "method");
        var heldOn = input.RequiredDate(o, "heldOn");
        var participants = o.TryGetProperty("participants", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) && n is >= 1 and <= 100000 ? n : 0;
        if (participants == 0)
        {
            input.Error("participants", "Required: how many people took part (1 or more).");
        }

        var consented = input.RequiredBool(o, "consented") ?? false;
        var named = Strings(input, o, "namedParticipants", "namedParticipants", Short);
        if (named.Count > 0 && !consented)
        {
            // Who spoke to the company can itself endanger a defender: names only with consent, else the group alone.
            input.Error("namedParticipants", "People are named only with their consent; without it, say the group and leave the names out.");
        }

        var precautions = input.RequiredString(o, "precautions", Text);
        var issues = Strings(input, o, "issuesRaised", "issuesRaised", Text);
        if (issues.Count == 0 && !input.HasErrorAt("issuesRaised"))
        {
            input.Error("issuesRaised", "List the issues raised (at least one).");
        }

        var risks = Ids(input, o, "risks");
        var reportedBack = input.OptionalString(o, "reportedBack", Text);
        input.ThrowIfAny();
        return new ConsultationInput(group!, country!, method, heldOn!.Value, participants, consented, named, precautions!, issues, risks, reportedBack);
    }

    public static ReviewInput Review(JsonElement o)
    {
        var input = new JsonInput();
        input.RejectUnknown(o, "", "kind", "cause", "summary", "nextReviewDue");
        var kind = input.RequiredEnum<ReviewKind>(o, "kind");
        ReviewCause? cause = o.TryGetProperty("cause", out var c) && c.ValueKind != JsonValueKind.Null ? input.Enum<ReviewCause>(c, "cause") : null;
        if (kind == ReviewKind.Triggered && cause is null && !input.HasErrorAt("cause"))
        {
            input.Error("cause", "A triggered review says what triggered it: " + string.Join(", ", JsonNames.All<ReviewCause>()) + ".");
        }

        var summary = input.RequiredString(o, "summary", Text);
        var due = input.RequiredDate(o, "nextReviewDue");
        input.ThrowIfAny();
        return new ReviewInput(kind, cause, summary!, due!.Value);
    }

    internal static string? Country(JsonInput input, JsonElement o, string name, string path)
    {
        var text = input.RequiredString(o, name, 2, path);
        if (text is not null && !CountryCode.TryParse(text, out _))
        {
            input.Error(path, "Not an ISO 3166-1 alpha-2 country code.");
            return null;
        }

        return text;
    }

    internal static List<string> Strings(JsonInput input, JsonElement o, string name, string path, int max)
    {
        var result = new List<string>();
        if (!input.OptionalArray(o, name, "a list of strings", out var list, path))
        {
            return result;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                input.Error(at, "Expected a non-empty string.");
            }
            else if (item.GetString()!.Trim().Length > max)
            {
                input.Error(at, $"At most {max} characters.");
            }
            else
            {
                result.Add(item.GetString()!.Trim());
            }
        }

        return result;
    }

    internal static Guid? Id(JsonInput input, JsonElement o, string name)
    {
        if (o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out var id))
        {
            return id;
        }

        input.Error(name, "Required: an id.");
        return null;
    }

    internal static List<Guid> Ids(JsonInput input, JsonElement o, string name)
    {
        var ids = new List<Guid>();
        foreach (var (s, i) in Strings(input, o, name, name, 40).Select((s, i) => (s, i)))
        {
            if (Guid.TryParse(s, out var id))
            {
                ids.Add(id);
            }
            else
            {
                input.Error($"{name}[{i}]", "Not an id.");
            }
        }

        return ids;
    }
}
