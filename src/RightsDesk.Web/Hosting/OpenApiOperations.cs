using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RightsDesk.Web.Hosting;

/// <summary>
/// Completes every operation from what the host really does, so no endpoint repeats it: the bearer requirement
/// (unless the endpoint allows anonymous callers), the problems the pipeline can answer with, an operation id.
/// </summary>
/// <remarks>
/// The errors come from middleware and the exception handler, not from the handlers' return types: 400 from
/// binding and the readers (ValidationFailedException), 401 and 403 from authorisation, 413 from the body limit,
/// 429 from the rate limiter, for every endpoint alike. 404, 409 and 422 are declared by the endpoints that answer
/// them (typed results, <see cref="OpenApiEndpoints.WorkflowStep{TBuilder}"/>).
/// </remarks>
public sealed class OpenApiOperations : IOpenApiOperationTransformer
{
    public const string ProblemMediaType = "application/problem+json";
    private const string ProblemSchema = "ProblemDetails";
    private const string ValidationProblemSchema = "HttpValidationProblemDetails";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer needs the document to add shared schemas to.");
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        operation.OperationId ??= OperationId(description.HttpMethod ?? "get", description.RelativePath ?? "");
        operation.Responses ??= [];

        if (anonymous)
        {
            // An empty requirement says "no credentials", which tools read differently from "not stated".
            operation.Security = [new OpenApiSecurityRequirement()];
        }
        else
        {
            EnsureComponent(document, OpenApiSetup.BearerScheme);
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.BearerScheme, document)] = [] }];
        }

        var hasBody = operation.RequestBody is not null || metadata.OfType<IAcceptsMetadata>().Any() || metadata.OfType<ReadsRawBody>().Any();
        var reads = hasBody || description.ParameterDescriptions.Any(p => p.Source != BindingSource.Path && p.Source != BindingSource.Services && p.Source != BindingSource.Special);
        if (reads)
        {
            Add(operation, "400", "The request was refused: `errors` names each bad field by its JSON path (`authority.country`, `targets[2].id`; `$` for the whole body).");
        }

        if (!anonymous)
        {
            Add(operation, "401", "No valid bearer token.");
            Add(operation, "403", "The token's role lacks the permission this operation needs.");
        }

        if (hasBody)
        {
            Add(operation, "413", "The request is larger than this endpoint accepts.");
        }

        Add(operation, "429", "Too many requests: wait a minute. Anonymous callers are limited by address, others by who they are.");

        await OneOfPerStatus(operation, context, document, cancellationToken);
        foreach (var (status, response) in operation.Responses)
        {
            if (status == "201" && response is OpenApiResponse created)
            {
                created.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                created.Headers.TryAdd("Location", new OpenApiHeader
                {
                    Description = "The address of what was created.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }

        var problem = await Shared(document, context, ProblemSchema, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), cancellationToken);
        var validation = await Shared(document, context, ValidationProblemSchema, typeof(HttpValidationProblemDetails), cancellationToken);
        foreach (var (status, response) in operation.Responses)
        {
            if (status.Length == 3 && status[0] is '4' or '5' && response is OpenApiResponse r)
            {
                // Every error body is a problem, whatever the handler's result type says (see Problems.UseProblemMediaType).
                r.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    [ProblemMediaType] = new() { Schema = status == "400" ? validation : problem },
                };
                if (string.IsNullOrEmpty(r.Description) || r.Description is "Not Found" or "Conflict" or "Unprocessable Entity")
                {
                    r.Description = DefaultDescription(status);
                }
            }
        }
    }

    /// <summary>
    /// A union such as <c>Results&lt;Ok&lt;DemandView&gt;, Ok&lt;DemandStatusView&gt;&gt;</c> answers one status with either
    /// type (the whole case, or only its status for the submitter); the generator keeps only the last, so the
    /// document says "any of" them. Not "one of": the answer carries no discriminator, and client generators
    /// (Kiota) read any-of without one as a type with the fields of both, which deserialises either answer.
    /// </summary>
    private static async Task OneOfPerStatus(OpenApiOperation operation, OpenApiOperationTransformerContext context, OpenApiDocument document, CancellationToken ct)
    {
        var byStatus = context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>()
            .Where(m => m.Type is { } t && t != typeof(void) && !t.IsGenericType && m.StatusCode < 400)
            .GroupBy(m => m.StatusCode);
        foreach (var group in byStatus)
        {
            var types = group.Select(m => m.Type!).Distinct().ToList();
            if (types.Count < 2 || !operation.Responses!.TryGetValue(group.Key.ToString(CultureInfo.InvariantCulture), out var response) || response.Content is null)
            {
                continue;
            }

            var schemas = new List<IOpenApiSchema>();
            foreach (var type in types)
            {
                schemas.Add(await Shared(document, context, type.Name, type, ct));
            }

            foreach (var media in response.Content.Values)
            {
                media.Schema = new OpenApiSchema { AnyOf = schemas };
            }
        }
    }

    /// <summary>"GET api/v1/demands/{id}/documents/{documentId}" becomes "getDemandsByIdDocumentsByDocumentId".</summary>
    public static string OperationId(string method, string relativePath)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        var segments = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = segments.Length >= 2 && segments[0] == "api" && segments[1] == "v1" ? 2 : 0;
        foreach (var segment in segments[start..])
        {
            var parameter = segment.StartsWith('{');
            var name = parameter ? segment.Trim('{', '}').Split(':')[0] : segment;
            id.Append(parameter ? "By" : "");
            foreach (var word in name.Split('-', '.', '_'))
            {
                if (word.Length > 0)
                {
                    id.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
                }
            }
        }

        return id.ToString();
    }

    private static void Add(OpenApiOperation operation, string status, string description)
    {
        if (!operation.Responses!.ContainsKey(status))
        {
            operation.Responses[status] = new OpenApiResponse { Description = description };
        }
    }

    private static string DefaultDescription(string status) => status switch
    {
        "404" => "There is no such record, or you are not cleared to see it.",
        "409" => "A conflict: an Idempotency-Key reused for another request, or a concurrent change (reload and try again).",
        "422" => "A workflow rule refused the step; `detail` says which.",
        _ => "An error, as a problem.",
    };

    private static void EnsureComponent(OpenApiDocument document, string scheme)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes.TryAdd(scheme, OpenApiSetup.BearerSchemeDefinition);
    }

    private static async Task<IOpenApiSchema> Shared(OpenApiDocument document, OpenApiOperationTransformerContext context, string id, Type type, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (!document.Components.Schemas.ContainsKey(id))
        {
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(type, null, ct));
        }

        return new OpenApiSchemaReference(id, document);
    }
}
