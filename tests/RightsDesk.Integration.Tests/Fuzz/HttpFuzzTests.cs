using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RightsDesk.Core.Security;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Integration.Tests.Fuzz;

/// <summary>
/// The HTTP edge under hostile input, on both engines: mutated and broken demands as JSON and as multipart, other
/// content types, random query strings on every list, and random bodies on every workflow step. The server never
/// answers 5xx, and every 4xx is an RFC 9457 problem. The cases are FsCheck samples with a fixed seed (see
/// <see cref="FuzzCheck"/>); a failure names the request.
/// </summary>
public abstract class HttpFuzzTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    /// <summary>The worked examples as a desk receives them outside the portal (see <see cref="TestRepo.Example"/>).</summary>
    private static readonly IReadOnlyList<string> Examples = Directory.GetFiles(Path.Combine(TestRepo.Root, "policy", "examples"), "*.demand.json")
        .Order(StringComparer.Ordinal).Select(f => TestRepo.Example(Path.GetFileName(f)[..^".demand.json".Length])).ToList();

    /// <summary>Not a 5xx; a 4xx carries application/problem+json whose status matches.</summary>
    private static async Task AssertHandled(HttpResponseMessage r, string what)
    {
        var code = (int)r.StatusCode;
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(code < 500, $"{what} → {code} {body}");
        if (code >= 400)
        {
            Assert.True(r.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what} → {code} without a problem body: {r.Content.Headers.ContentType} {body}");
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(code, problem.RootElement.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task Demands_as_json_are_created_or_refused_as_problems()
    {
        var intake = await app.ClientFor(Roles.Intake);
        foreach (var input in FuzzCheck.Sample(DemandGen.Any(Examples), 250))
        {
            using var content = new ByteArrayContent(input.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            await AssertHandled(await intake.PostAsync("/api/v1/demands", content), input.ToString());
        }
    }

    public sealed record Upload(string Description, Func<HttpContent> Build);

    private static Gen<Upload> Multipart => Gen.Elements(Examples.ToArray()).SelectMany(example =>
        DemandGen.Any(Examples).SelectMany(fuzzed =>
            Gen.Choose(0, 5).SelectMany(demandShape =>
                Gen.Elements("application/pdf", "text/plain", "image/png", "application/x-msdownload", "", "text/plain; charset=utf-16", "application/json").SelectMany(docType =>
                    Gen.Elements("letter.pdf", "../../etc/passwd", "C:\\Users\\officer\\warrant.pdf", "", " ", new string('n', 500), "ok;name=x.txt", "é😀.txt").SelectMany(docName =>
                        Gen.Elements(0, 1, 100, 4096).Select(docSize => new Upload(
                            $"multipart demand shape {demandShape} ({fuzzed.Kind}), document {docType} named {JsonSerializer.Serialize(docName)} of {docSize} bytes",
                            () =>
                            {
                                var form = new MultipartFormDataContent();
                                var demand = demandShape == 0 ? Encoding.UTF8.GetBytes(example) : fuzzed.Bytes;
                                switch (demandShape)
                                {
                                    case 0 or 1: form.Add(new ByteArrayContent(demand), "demand"); break;
                                    case 2: form.Add(new ByteArrayContent(demand), "demand", "demand.json"); break;
                                    case 3: form.Add(new ByteArrayContent(demand), "not-demand"); break;
                                    case 4: form.Add(new ByteArrayContent(demand), "demand"); form.Add(new ByteArrayContent(demand), "demand"); break;
                                    default: break;
                                }

                                if (docSize > 0 || docType.Length > 0)
                                {
                                    var doc = new ByteArrayContent(Enumerable.Range(0, docSize).Select(i => (byte)(i * 7)).ToArray());
                                    if (docType.Length > 0)
                                    {
                                        doc.Headers.ContentType = MediaTypeHeaderValue.Parse(docType);
                                    }

                                    // Written by hand: HttpClient refuses some of these names, and a hostile client would not.
                                    doc.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"document\"; filename=\"{docName}\"");
                                    form.Add(doc);
                                }

                                return form;
                            })))))));

    [Fact]
    public async Task Demands_as_multipart_are_created_or_refused_as_problems()
    {
        var intake = await app.ClientFor(Roles.Intake);
        foreach (var upload in FuzzCheck.Sample(Multipart, 120))
        {
            await AssertHandled(await intake.PostAsync("/api/v1/demands", upload.Build()), upload.Description);
        }
    }

    /// <summary>Bodies that are not what the endpoint reads: wrong content types, broken multipart, other encodings.</summary>
    [Theory]
    [InlineData("text/plain", "{\"kind\":\"userData\"}")]
    [InlineData("application/xml", "<demand/>")]
    [InlineData("application/x-www-form-urlencoded", "demand=%7B%7D&document=x")]
    [InlineData("multipart/form-data", "garbage")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"demand\"\r\n\r\n{}\r\n")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--xyz--\r\n")]
    [InlineData("application/json; charset=utf-16", "{\"kind\":\"userData\"}")]
    [InlineData("application/json", "")]
    [InlineData("application/json", "\uFEFF{}")]
    [InlineData("", "{}")]
    public async Task Other_content_is_refused_as_a_problem(string contentType, string body)
    {
        var intake = await app.ClientFor(Roles.Intake);
        var encoding = contentType.Contains("utf-16", StringComparison.Ordinal) ? Encoding.Unicode : Encoding.UTF8;
        using var content = new ByteArrayContent(encoding.GetBytes(body));
        if (contentType.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        await AssertHandled(await intake.PostAsync("/api/v1/demands", content), $"{contentType}: {body}");
        await AssertHandled(await intake.PostAsync($"/api/v1/demands/{Guid.NewGuid()}/documents", content), $"document upload {contentType}: {body}");
    }

    private static readonly string[] ParameterNames =
    [
        "state", "kind", "country", "authority", "deadlineBefore", "overdue", "assignee", "page", "pageSize", "hours", "status", "due",
        "unknown", "page[]", "", "$filter",
    ];

    private static readonly Gen<string> ParameterValue = Gen.Frequency(
        (3, Gen.Elements("", "0", "1", "-1", "2147483647", "-2147483648", "2147483648", "99999999999999999999", "1e3", "abc", "true", "false", "null",
            "assessed", "Assessed", "userData", "deadLetter", "planned", "US", "us", "2026-03-01", "2026-02-30", "0001-01-01", "9999-12-31", "%", "%00", "'", "\"", "*", "\u00e9")),
        (1, DemandGen.Text.Select(t => t.Length > 300 ? t[..300] : t)));

    private static readonly Gen<string> QueryString = Gen.ListOf(Gen.Zip(Gen.Elements(ParameterNames), ParameterValue))
        .Select(ps => string.Join("&", ps.Take(6).Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2))));

    public static TheoryData<string, string> Lists() => new()
    {
        { "/api/v1/demands", Roles.HumanRightsLead },
        { "/api/v1/demands", Roles.LegalReviewer },
        { "/api/v1/deadlines", Roles.Intake },
        { "/api/v1/notices", Roles.Approver },
        { "/api/v1/outbox", Roles.LegalReviewer },
        { "/api/v1/at-risk", Roles.IncidentResponder },
        { "/api/v1/tokens", Roles.Admin },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Lists_answer_any_query_string_without_a_server_error(string path, string role)
    {
        var client = await app.ClientFor(role);
        foreach (var query in FuzzCheck.Sample(QueryString, 60).Append("page=2147483647&pageSize=200").Append("page=1073741824&pageSize=500").Append("hours=2147483647"))
        {
            await AssertHandled(await client.GetAsync(path + "?" + query), $"GET {path}?{query}");
        }
    }

    /// <summary>The steps that read a body.</summary>
    private static readonly string[] Steps = ["decision", "approvals", "send-back", "close", "answer", "letters"];

    [Fact]
    public async Task Workflow_steps_answer_any_body_without_a_server_error()
    {
        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", new StringContent(Examples[0], Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var lead = await app.ClientFor(Roles.HumanRightsLead);
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        var admin = await app.ClientFor(Roles.Admin);
        var bodies = FuzzCheck.Sample(DemandGen.JsonText(3), 25)
            .Concat(["", "{", "null", "[]", "{\"outcome\":\"disclose\",\"reason\":\"\\ud800\"}", "{\"outcome\":\"disclose\",\"dataCategories\":[\"nope\"]}", "{\"language\":\"" + new string('x', 5000) + "\"}"]);
        foreach (var body in bodies)
        {
            foreach (var step in Steps)
            {
                var client = step is "approvals" or "send-back" ? lead : reviewer;
                await AssertHandled(await client.PostAsync($"/api/v1/demands/{id}/{step}", new StringContent(body, Encoding.UTF8, "application/json")), $"POST {step} {body}");
            }

            await AssertHandled(await lead.PostAsync("/api/v1/at-risk", new StringContent(body, Encoding.UTF8, "application/json")), $"POST at-risk {body}");
            await AssertHandled(await admin.PostAsync("/api/v1/tokens", new StringContent(body, Encoding.UTF8, "application/json")), $"POST tokens {body}");
        }
    }
}

public sealed class SqliteHttpFuzzTests(SqliteDeskApp app) : HttpFuzzTests<SqliteDeskApp>(app);

public sealed class PostgresHttpFuzzTests(PostgresDeskApp app) : HttpFuzzTests<PostgresDeskApp>(app);
