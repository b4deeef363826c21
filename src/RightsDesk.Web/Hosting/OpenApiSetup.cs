using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RightsDesk.Web.Hosting;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: generated from the endpoints' typed results, then completed by
/// transformers (security, problems, operation ids, the schemas the reader accepts) so the endpoints do not repeat it.
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "bearer";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Demands"] = "State demands for user data, restriction or preservation: intake, the rights assessment, four-eyes decisions, fulfilment and letters.",
        ["At-risk registry"] = "People whose targeting raises the bar for any demand (journalists, human rights defenders, ...). Reading it is recorded.",
        ["Notices"] = "Notices owed to users about demands, and the outbox that delivers them.",
        ["API tokens"] = "Bearer tokens for the platform's systems; a secret is shown once, when it is created.",
        ["Ledger"] = "The tamper-evident ledger: signed tree heads and the signing key (public), events and proofs (auditors).",
        ["Health"] = "Liveness and the policy version in force.",
    };

    public static IServiceCollection AddRightsDeskOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddSchemaTransformer<OpenApiSchemas>();
        o.AddOperationTransformer<OpenApiOperations>();
        o.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
    });

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "RightsDesk API",
            Version = "v1",
            Description = "State demands on an online platform, handled under human-rights standards. JSON in camelCase, enums as " +
                "camelCase strings; every error is an RFC 9457 problem (application/problem+json). See docs/api.md.",
        };

        // The generator names the host the document was fetched from, which behind a proxy is an internal one; a
        // relative server is wherever the document itself was fetched.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document." }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[BearerScheme] = BearerSchemeDefinition;
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var text))
            {
                tag.Description = text;
            }
        }
    }

    internal static OpenApiSecurityScheme BearerSchemeDefinition { get; } = new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        Description = "An API token: `./rightsdesk tokens create`, or POST /api/v1/tokens. Send it as `Authorization: Bearer <token>`.",
    };
}
