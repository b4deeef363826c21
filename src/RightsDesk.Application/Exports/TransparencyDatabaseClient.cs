using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RightsDesk.Application.Exports;

/// <summary>How one call ended: the statements the database took (puid to its uuid), the puids it already had,
/// the statements it refused (by index in the call, with its reasons), or a failure worth retrying.</summary>
public sealed record BatchAnswer(
    HttpStatusCode Status, IReadOnlyDictionary<string, string?> Created, IReadOnlyList<string> Existing,
    IReadOnlyDictionary<int, string> Refused, string? Message, TimeSpan? RetryAfter)
{
    /// <summary>Too many requests, a server error, or no answer at all: nothing is known to be stored.</summary>
    public bool Retry => Status is HttpStatusCode.TooManyRequests || (int)Status >= 500 || Status == 0;
}

/// <summary>
/// The Transparency Database's API as its platforms use it: <c>POST {base}/api/v1/statements</c> with
/// <c>{"statements":[...]}</c> (1 to 100, all or nothing: 201 with the stored statements, 422 with
/// <c>errors.statement_N</c> for invalid ones or <c>errors.existing_puids</c> for puids it already holds) and
/// <c>GET {base}/api/v1/statement/existing-puid/{puid}</c> (302 with the statement, 404). A Sanctum bearer token.
/// </summary>
public sealed class TransparencyDatabaseClient(HttpClient http, Uri baseUrl, string token)
{
    private Uri At(string path) => new(baseUrl.AbsoluteUri.TrimEnd('/') + path);

    public async Task<BatchAnswer> PostAsync(IReadOnlyList<JsonObject> statements, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var body = new JsonObject { ["statements"] = new JsonArray([.. statements.Select(s => (JsonNode)s.DeepClone())]) };
        using var request = new HttpRequestMessage(HttpMethod.Post, At("/api/v1/statements"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        Authorise(request);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            // No answer: the call may or may not have been stored, which the next attempt's answer tells.
            return new BatchAnswer(0, new Dictionary<string, string?>(), [], new Dictionary<int, string>(), ex.GetType().Name, null);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var json = TryParse(text);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            var message = json?["message"]?.GetValueKind() == JsonValueKind.String ? json["message"]!.GetValue<string>() : null;
            var created = new Dictionary<string, string?>(StringComparer.Ordinal);
            var existing = new List<string>();
            var refused = new Dictionary<int, string>();
            if (response.StatusCode == HttpStatusCode.Created && json?["statements"] is JsonArray stored)
            {
                foreach (var s in stored.OfType<JsonObject>())
                {
                    if (s["puid"]?.GetValueKind() == JsonValueKind.String)
                    {
                        created[s["puid"]!.GetValue<string>()] = s["uuid"]?.ToString();
                    }
                }
            }
            else if (response.StatusCode == HttpStatusCode.UnprocessableEntity && json?["errors"] is JsonObject errors)
            {
                if (errors["existing_puids"] is JsonArray puids)
                {
                    existing.AddRange(puids.Where(p => p?.GetValueKind() == JsonValueKind.String).Select(p => p!.GetValue<string>()));
                }

                foreach (var (key, value) in errors)
                {
                    if (key.StartsWith("statement_", StringComparison.Ordinal) && int.TryParse(key.AsSpan("statement_".Length), out var index))
                    {
                        refused[index] = value?.ToJsonString() ?? "{}";
                    }
                }
            }

            return new BatchAnswer(response.StatusCode, created, existing, refused, message ?? (json is null ? null : text), retryAfter);
        }
    }

    /// <summary>Whether the database holds a statement under <paramref name="puid"/>: true on 302, false on 404,
    /// null when it could not say (any other answer, or none).</summary>
    public async Task<bool?> ExistsAsync(string puid, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, At("/api/v1/statement/existing-puid/" + Uri.EscapeDataString(puid)));
        Authorise(request);
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.StatusCode switch
            {
                HttpStatusCode.Found or HttpStatusCode.OK => true,
                HttpStatusCode.NotFound => false,
                _ => null,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }

    private void Authorise(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
