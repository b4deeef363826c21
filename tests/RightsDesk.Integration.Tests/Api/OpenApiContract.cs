using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Api;

/// <summary>The document as a client gets it: fetched anonymously from the real host, read by the standard reader.</summary>
public static class OpenApiContract
{
    public const string Path = "/openapi/v1.json";

    public static async Task<string> FetchAsync(DeskApp app)
    {
        using var anonymous = app.CreateClient();
        using var response = await anonymous.GetAsync(Path);
        Assert.True(response.IsSuccessStatusCode, $"GET {Path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Reads the document and fails on any reader error or warning and on any rule of the default rule set.</summary>
    public static async Task<OpenApiDocument> LoadAsync(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());
        var problems = result.Diagnostic?.Errors.Select(e => "error " + e).Concat(result.Diagnostic.Warnings.Select(w => "warning " + w)).ToList() ?? [];
        Assert.True(problems.Count == 0, "The OpenAPI reader reported:\n" + string.Join("\n", problems));
        var document = result.Document ?? throw new InvalidOperationException("The reader returned no document.");
        var invalid = document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.Select(e => e.ToString()).ToList() ?? [];
        Assert.True(invalid.Count == 0, "The document breaks OpenAPI rules:\n" + string.Join("\n", invalid));
        return document;
    }

    public static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        from path in document.Paths
        from op in path.Value.Operations ?? []
        select (path.Key, op.Key, op.Value);

    public static OpenApiOperation Operation(OpenApiDocument document, HttpMethod method, string path) =>
        Operations(document).Single(o => o.Path == path && o.Method == method).Operation;

    /// <summary>The schema a JSON value must match, following one-of or any-of to the member whose required fields it has.</summary>
    public static IOpenApiSchema Choose(IOpenApiSchema schema, System.Text.Json.JsonElement value)
    {
        if ((schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) is { Count: > 0 } members)
        {
            var nonNull = members.Where(m => m.Type != JsonSchemaType.Null).ToList();
            return value.ValueKind == System.Text.Json.JsonValueKind.Object
                ? nonNull.Single(m => (m.Required ?? new HashSet<string>()).All(r => value.TryGetProperty(r, out _)))
                : nonNull[0];
        }

        return schema;
    }

    /// <summary>
    /// Every property of the JSON is described, every required property is there, nested objects and arrays alike:
    /// a schema that drifted from what the API writes fails here, with the path where.
    /// </summary>
    public static void AssertDescribes(IOpenApiSchema schema, System.Text.Json.JsonElement value, string at, List<string> failures)
    {
        schema = Choose(schema, value);
        switch (value.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object when schema.Properties is { Count: > 0 } properties:
                foreach (var required in schema.Required ?? new HashSet<string>())
                {
                    if (!value.TryGetProperty(required, out _))
                    {
                        failures.Add($"{at}.{required}: required by the schema, missing in the answer");
                    }
                }

                foreach (var p in value.EnumerateObject())
                {
                    if (properties.TryGetValue(p.Name, out var inner))
                    {
                        AssertDescribes(inner, p.Value, $"{at}.{p.Name}", failures);
                    }
                    else
                    {
                        failures.Add($"{at}.{p.Name}: in the answer, not in the schema");
                    }
                }

                break;
            case System.Text.Json.JsonValueKind.Object when schema.AdditionalProperties is null && schema.Type?.HasFlag(JsonSchemaType.Object) != true:
                failures.Add($"{at}: an object in the answer, the schema says {schema.Type}");
                break;
            case System.Text.Json.JsonValueKind.Array when schema.Items is { } items:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    AssertDescribes(items, item, $"{at}[{i++}]", failures);
                }

                break;
            case System.Text.Json.JsonValueKind.String when schema.Enum is { Count: > 0 } names:
                if (!names.Any(n => n?.ToString() == value.GetString()))
                {
                    failures.Add($"{at}: '{value.GetString()}' is not among the schema's values {string.Join(", ", names)}");
                }

                break;
        }
    }
}
