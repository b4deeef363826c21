using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RightsDesk.Core.Demands;

namespace RightsDesk.Web.Hosting;

/// <summary>
/// What a few endpoints say about themselves in the OpenAPI document that their signatures cannot: bodies read raw
/// (so the strict reader sees every byte) and the refusals of the workflow.
/// </summary>
public static class OpenApiEndpoints
{
    private const string Multipart = "multipart/form-data";

    /// <summary>A workflow step can be refused by a rule (422) or lose a race with another change (409).</summary>
    public static TBuilder WorkflowStep<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// The demand, read from the raw body by <see cref="DemandReader"/>: as JSON, or as multipart with the JSON in a
    /// <c>demand</c> part and the original in a <c>document</c> file.
    /// </summary>
    public static RouteHandlerBuilder AcceptsDemandSubmission(this RouteHandlerBuilder builder) => builder
        .Accepts<Demand>("application/json", Multipart)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody is OpenApiRequestBody { Content: { } content } body && content.TryGetValue("application/json", out var json))
            {
                body.Description = "The demand as JSON, or multipart/form-data with the demand's JSON in a `demand` part and the original document in a `document` file.";
                content[Multipart] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string>(["demand"], StringComparer.Ordinal),
                        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) { ["demand"] = json.Schema!, ["document"] = DocumentFile() },
                    },
                    Encoding = new Dictionary<string, OpenApiEncoding>(StringComparer.Ordinal) { ["demand"] = new() { ContentType = "application/json" } },
                };
            }

            return Task.CompletedTask;
        });

    /// <summary>An original document, as a multipart <c>document</c> file.</summary>
    public static RouteHandlerBuilder AcceptsDocumentUpload(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new ReadsRawBody())
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "Multipart/form-data with the original document in a `document` file.",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    [Multipart] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string>(["document"], StringComparer.Ordinal),
                            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) { ["document"] = DocumentFile() },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>A stored original, answered with the media type it was uploaded with.</summary>
    public static RouteHandlerBuilder ProducesDocumentFile(this RouteHandlerBuilder builder) => builder
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "The original document, as an attachment, in the media type it was uploaded with.",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["*/*"] = new() { Schema = DocumentFile() } },
            };
            return Task.CompletedTask;
        });

    private static OpenApiSchema DocumentFile() => new()
    {
        Type = JsonSchemaType.String,
        Format = "binary",
        Description = "PDF, PNG, JPEG, TIFF, plain text, .eml or DOCX; at most 10 MB.",
    };
}

/// <summary>Marks an endpoint that reads its body itself, so the document still lists its body's errors (400, 413).</summary>
public sealed record ReadsRawBody;
