using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Api;

/// <summary>The OpenAPI document can drive a client: every body and answer has a schema, security and errors are stated.</summary>
public sealed class OpenApiTests(SqliteDeskApp app) : IClassFixture<SqliteDeskApp>
{
    /// <summary>Actions whose request is the route alone: they read no body, so they document none.</summary>
    private static readonly HashSet<string> Bodiless = new(StringComparer.Ordinal)
    {
        "POST /api/v1/demands/{id}/assess", "POST /api/v1/demands/{id}/fulfil", "POST /api/v1/outbox/{id}/retry", "POST /api/v1/ledger/tree-heads",
        // Taking a benchmark reading reads the ledger as it stands: there is nothing to send.
        "POST /api/v1/benchmarks/{id}/readings",
        // Proposing a recommendation as a policy change: the recommendation already says what the change is.
        "POST /api/v1/impact-assessments/{id}/recommendations/{recommendation}/propose",
    };

    [Fact]
    public async Task Every_operation_has_schemas_for_its_body_and_answers_and_states_its_errors()
    {
        var document = await OpenApiContract.LoadAsync(await OpenApiContract.FetchAsync(app));
        var failures = new List<string>();
        foreach (var (path, method, op) in OpenApiContract.Operations(document))
        {
            var name = $"{method.Method} {path}";
            if (string.IsNullOrWhiteSpace(op.OperationId) || string.IsNullOrWhiteSpace(op.Summary))
            {
                failures.Add($"{name}: no operation id or summary");
            }

            foreach (var (status, response) in op.Responses ?? [])
            {
                var content = response.Content ?? new Dictionary<string, OpenApiMediaType>();
                var bodiless = status == "204" || status[0] == '3' || (status == "201" && response.Headers?.ContainsKey("Location") == true && content.Count == 0);
                if (!bodiless && (content.Count == 0 || content.Values.Any(m => m.Schema is null || IsEmpty(m.Schema))))
                {
                    failures.Add($"{name} {status}: no response schema");
                }

                if (status[0] is '4' or '5' && !content.Keys.SequenceEqual(["application/problem+json"]))
                {
                    failures.Add($"{name} {status}: an error that is not application/problem+json");
                }
            }

            if ((method == HttpMethod.Post || method == HttpMethod.Put) && !Bodiless.Contains(name))
            {
                var body = op.RequestBody?.Content;
                if (body is not { Count: > 0 } || body.Values.Any(m => m.Schema is null || IsEmpty(m.Schema)))
                {
                    failures.Add($"{name}: no request body schema");
                }
            }

            if (op.RequestBody is not null && !Problem(op, "400", validation: true))
            {
                failures.Add($"{name}: reads a body but states no 400 validation problem");
            }

            if (!Problem(op, "429", validation: false))
            {
                failures.Add($"{name}: the rate limiter's 429 is not stated");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_endpoint_that_needs_a_token_asks_for_the_bearer_scheme_and_the_anonymous_ones_ask_for_nothing()
    {
        var document = await OpenApiContract.LoadAsync(await OpenApiContract.FetchAsync(app));
        var scheme = Assert.IsType<OpenApiSecurityScheme>(document.Components?.SecuritySchemes?["bearer"]);
        Assert.Equal(SecuritySchemeType.Http, scheme.Type);
        Assert.Equal("bearer", scheme.Scheme);

        var failures = new List<string>();
        var anonymous = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + string.Join('/', (endpoint.RoutePattern.RawText ?? "").Trim('/').Split('/').Select(s => s.StartsWith('{') ? s.Split(':')[0].TrimEnd('}') + "}" : s));
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal) && pattern != "/health")
            {
                continue;
            }

            foreach (var method in methods)
            {
                var name = $"{method} {pattern}";
                var op = OpenApiContract.Operations(document).Where(o => o.Path == pattern && o.Method.Method == method).Select(o => o.Operation).SingleOrDefault();
                if (op is null)
                {
                    failures.Add($"{name}: not in the document");
                    continue;
                }

                var isAnonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                var requirements = op.Security ?? [];
                var bearer = requirements.Any(r => r.Keys.Any(k => k.Reference?.Id == "bearer"));
                if (isAnonymous)
                {
                    anonymous.Add(name);
                    if (bearer || requirements.Count != 1 || requirements[0].Count != 0)
                    {
                        failures.Add($"{name}: anonymous, but the document does not say so (security: [{{}}])");
                    }
                }
                else if (!bearer || !Problem(op, "401", validation: false) || !Problem(op, "403", validation: false))
                {
                    failures.Add($"{name}: needs a token, but the document lacks the bearer requirement or its 401/403");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains("GET /health", anonymous);
        Assert.Contains("GET /api/v1/ledger/public-key", anonymous);
        Assert.Contains("GET /api/v1/ledger/tree-heads/latest", anonymous);
    }

    [Fact]
    public async Task The_demand_body_schema_is_what_the_strict_reader_accepts()
    {
        var document = await OpenApiContract.LoadAsync(await OpenApiContract.FetchAsync(app));
        var create = OpenApiContract.Operation(document, HttpMethod.Post, "/api/v1/demands");
        var schema = create.RequestBody!.Content!["application/json"].Schema!;
        foreach (var field in new[] { "authority", "legalProcess", "targets", "dataCategories", "dateRange", "restriction", "nonDisclosure", "document" })
        {
            Assert.True(schema.Properties!.ContainsKey(field), $"The demand body schema lacks '{field}'");
        }

        Assert.Contains("demand", create.RequestBody.Content["multipart/form-data"].Schema!.Properties!.Keys);
        Assert.Equal(JsonNames.All<DemandKind>(), schema.Properties!["kind"].Enum!.Select(n => n.ToString()));
        Assert.Equal(JsonNames.All<DataCategory>(), schema.Properties!["dataCategories"].Items!.Enum!.Select(n => n.ToString()));

        // Every field of every worked example is a field the schema lists, and none of them is read-only.
        var failures = new List<string>();
        var examples = Directory.GetFiles(System.IO.Path.Combine(TestRepo.Root, "policy", "examples"), "*.demand.json");
        Assert.NotEmpty(examples);
        foreach (var file in examples)
        {
            Fields(schema, JsonNode.Parse(File.ReadAllText(file))!, "", failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Each field the schema requires is one the reader refuses a demand without, reported at that path.
        // The example with the most required fields in it stands for all.
        var intake = await app.ClientFor(Roles.Intake);
        var fullest = examples.Select(File.ReadAllText).OrderByDescending(e => Required(schema, JsonNode.Parse(e)!, "").Count()).First();
        foreach (var (path, parent, field) in Required(schema, JsonNode.Parse(fullest)!, ""))
        {
            var node = JsonNode.Parse(fullest)!;
            Navigate(node, parent).AsObject().Remove(field);
            var answer = await intake.PostAsync("/api/v1/demands", new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var errors = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(path, out _), $"Without '{path}' the reader reported {errors}");
        }
    }

    [Fact]
    public async Task The_whole_case_and_the_answers_to_its_steps_are_described_field_by_field()
    {
        var document = await OpenApiContract.LoadAsync(await OpenApiContract.FetchAsync(app));
        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", new StringContent(TestRepo.Example("01-us-search-warrant"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        var answers = new (HttpMethod Method, string Path, HttpResponseMessage Answer)[]
        {
            (HttpMethod.Get, "/api/v1/demands/{id}", await reviewer.GetAsync($"/api/v1/demands/{id}")),
            (HttpMethod.Post, "/api/v1/demands/{id}/assess", await reviewer.PostAsync($"/api/v1/demands/{id}/assess", null)),
            (HttpMethod.Get, "/api/v1/demands", await reviewer.GetAsync("/api/v1/demands")),
            (HttpMethod.Get, "/health", await app.CreateClient().GetAsync("/health")),
        };

        var failures = new List<string>();
        foreach (var (method, path, answer) in answers)
        {
            var status = ((int)answer.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var response = OpenApiContract.Operation(document, method, path).Responses![status];
            var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
            OpenApiContract.AssertDescribes(response.Content!["application/json"].Schema!, body, $"{method.Method} {path} {status} $", failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var view = document.Components!.Schemas!["DemandView"];
        Assert.Contains("nextActions", view.Properties!.Keys);
        Assert.Equal(JsonNames.All<WorkflowAction>(), view.Properties["nextActions"].Items!.Enum!.Select(n => n.ToString()));
    }

    private static bool IsEmpty(IOpenApiSchema schema) =>
        schema.Type is null && schema.Properties is not { Count: > 0 } && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } && schema.Items is null && schema.AdditionalProperties is null;

    private static bool Problem(OpenApiOperation op, string status, bool validation) =>
        op.Responses?.TryGetValue(status, out var r) == true
        && r.Content?.TryGetValue("application/problem+json", out var media) == true
        && media.Schema is { } s && s.Properties?.ContainsKey("status") == true
        && (!validation || s.Properties.ContainsKey("errors"));

    private static void Fields(IOpenApiSchema schema, JsonNode node, string at, List<string> failures)
    {
        schema = schema.OneOf is { Count: > 0 } ? schema.OneOf.First(m => m.Type != JsonSchemaType.Null) : schema;
        if (node is JsonObject o)
        {
            foreach (var (name, value) in o)
            {
                var path = at.Length == 0 ? name : $"{at}.{name}";
                if (schema.Properties?.TryGetValue(name, out var inner) != true || inner is null)
                {
                    failures.Add($"{path}: sent in an example, not in the schema");
                }
                else if (inner.ReadOnly)
                {
                    failures.Add($"{path}: sent in an example, read-only in the schema");
                }
                else if (value is not null)
                {
                    Fields(inner, value, path, failures);
                }
            }
        }
        else if (node is JsonArray a && schema.Items is { } items)
        {
            foreach (var item in a.OfType<JsonNode>())
            {
                Fields(items, item, at + "[0]", failures);
            }
        }
    }

    /// <summary>The required fields present in the example, as (JSON path, parent path, name).</summary>
    private static IEnumerable<(string Path, string Parent, string Field)> Required(IOpenApiSchema schema, JsonNode node, string at)
    {
        schema = schema.OneOf is { Count: > 0 } ? schema.OneOf.First(m => m.Type != JsonSchemaType.Null) : schema;
        if (node is not JsonObject o)
        {
            yield break;
        }

        foreach (var (name, value) in o)
        {
            var path = at.Length == 0 ? name : $"{at}.{name}";
            if (schema.Required?.Contains(name) == true)
            {
                yield return (path, at, name);
            }

            if (value is JsonObject && schema.Properties?.TryGetValue(name, out var inner) == true)
            {
                foreach (var r in Required(inner, value, path))
                {
                    yield return r;
                }
            }
        }
    }

    private static JsonNode Navigate(JsonNode root, string path) =>
        path.Length == 0 ? root : path.Split('.').Aggregate(root, (n, p) => n[p]!);
}
