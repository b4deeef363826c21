using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RightsDesk.Core;
using RightsDesk.Core.Demands;

namespace RightsDesk.Web.Hosting;

/// <summary>
/// Makes the schemas say what the API really reads and writes where the generator cannot see it: country codes
/// (written by a converter), computed properties (written, never read), and the fields the strict demand reader
/// requires, which are fewer than the records' constructors take (it fills in defaults).
/// </summary>
public sealed class OpenApiSchemas : IOpenApiSchemaTransformer
{
    /// <summary>The fields <see cref="DemandReader"/> refuses a demand without; the others are optional there.</summary>
    internal static readonly IReadOnlyDictionary<Type, string[]> ReaderRequired = new Dictionary<Type, string[]>
    {
        [typeof(Demand)] = ["kind", "receivedAt", "channel", "authority", "legalProcess", "document"],
        [typeof(Authority)] = ["name", "country", "type"],
        [typeof(Target)] = ["type", "id"],
        [typeof(DateRange)] = ["from", "to"],
        [typeof(Restriction)] = ["action", "territories"],
        [typeof(NonDisclosure)] = ["required"],
        [typeof(DocumentFacts)] = [],
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(CountryCode) || type == typeof(CountryCode?))
        {
            schema.Type = type == typeof(CountryCode) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Pattern = "^[A-Za-z]{2}$";
            schema.Description = "An ISO 3166-1 alpha-2 country code; answers give it in upper case.";
            schema.Examples = [JsonValue.Create("DE")];
            schema.Properties = null;
        }

        if (context.JsonPropertyInfo is { Set: null, AssociatedParameter: null })
        {
            // Computed from the other fields (Demand.requestsData, Target.isIndividualised, ...): never send it.
            schema.ReadOnly = true;
        }

        if (ReaderRequired.TryGetValue(type, out var required))
        {
            schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
        }

        if (type == typeof(Demand))
        {
            schema.Description = "A state demand, as in policy/examples/*.demand.json. As a request body it is read strictly: " +
                "unknown and duplicate fields are refused at every level, and every bad field is reported by its JSON path. " +
                "Read-only fields are computed and must not be sent.";
        }

        if (type == typeof(HttpValidationProblemDetails) && schema.Properties?.TryGetValue("errors", out var errors) == true && errors is OpenApiSchema e)
        {
            e.Description = "For each bad field, keyed by its JSON path (`authority.country`, `targets[2].id`, `$` for the whole body), what is wrong with it.";
        }

        return Task.CompletedTask;
    }
}
