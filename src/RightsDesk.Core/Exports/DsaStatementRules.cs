using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightsDesk.Core.Common;
using RightsDesk.Core.Moderation;

namespace RightsDesk.Core.Exports;

/// <summary>
/// Checks a statement the way the Transparency Database would before it is written: the moderation reader's v2
/// rules (the same ones that took the decision in, applied to the statement's fields), and what only the database
/// adds: its own field names and nothing else, a territorial scope of EEA countries only. A statement that fails is
/// never written; the export counts it.
/// </summary>
public static class DsaStatementRules
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "decision_visibility", "decision_visibility_other", "decision_monetary", "decision_monetary_other", "decision_provision",
        "decision_account", "account_type", "decision_ground", "decision_ground_reference_url", "illegal_content_legal_ground",
        "illegal_content_explanation", "incompatible_content_ground", "incompatible_content_explanation", "incompatible_content_illegal",
        "content_type", "content_type_other", "category", "category_addition", "category_specification", "category_specification_other",
        "territorial_scope", "content_language", "content_date", "application_date", "end_date_account_restriction",
        "end_date_monetary_restriction", "end_date_service_restriction", "end_date_visibility_restriction", "decision_facts",
        "source_type", "source_identity", "automated_detection", "automated_decision", "puid", "content_id",
    };

    /// <summary>Every reason the database would refuse <paramref name="statement"/>, by its snake_case field.</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var errors = new List<FieldError>();
        var camel = new JsonObject();
        foreach (var (name, value) in statement)
        {
            if (!Fields.Contains(name))
            {
                errors.Add(new FieldError(name, "Not a field of the Transparency Database's statements."));
                continue;
            }

            camel[Camel(name)] = value?.DeepClone();
        }

        if (statement["territorial_scope"] is not JsonArray { Count: > 0 } scope)
        {
            errors.Add(new FieldError("territorial_scope", "At least one EEA country: a measure outside the EEA is not the database's to hold."));
        }
        else if (scope.Any(c => c is null || c.GetValueKind() != JsonValueKind.String || !Tdb.Eea.Contains(c.GetValue<string>(), StringComparer.Ordinal)))
        {
            errors.Add(new FieldError("territorial_scope", "EEA countries only: " + string.Join(", ", Tdb.Eea) + "."));
        }

        using var doc = JsonDocument.Parse(camel.ToJsonString());
        var input = new JsonInput();
        ModerationDecisionReader.Read(input, doc.RootElement, "");
        errors.AddRange(input.Errors.Select(e => e with { Field = Snake(e.Field) }));
        return errors;
    }

    private static string Camel(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>The path's field back in the database's name; what follows it (an index, EAN-13) as it was.</summary>
    private static string Snake(string camel)
    {
        var end = camel.IndexOfAny(['.', '[']);
        var (head, tail) = end < 0 ? (camel, "") : (camel[..end], camel[end..]);
        var b = new StringBuilder(camel.Length + 8);
        foreach (var c in head)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                b.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                b.Append(c);
            }
        }

        return b.Append(tail).ToString();
    }
}
