using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Security;
using RightsDesk.Application.Demands;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Notices;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>
/// Unique, recognisable values for every field that can name or expose a person. Each value carries the run's id, so
/// a hit in a scan can only come from this run, and its label says which field leaked.
/// </summary>
public sealed class SensitiveValues
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<string, string> _byLabel = new(StringComparer.Ordinal);

    /// <summary>Label → value; a scan reports the label.</summary>
    public IReadOnlyDictionary<string, string> All => _byLabel;

    /// <summary>A new value such as <c>sec-officer-3f9a1c…</c>: letters, digits and dashes, so it is also a valid file name.</summary>
    public string Mark(string label) => Add(label, $"sec-{label}-{_run}");

    public string Add(string label, string value)
    {
        _byLabel[label] = value;
        return value;
    }
}

/// <summary>
/// One pass through everything that takes sensitive input: the at-risk registry, intake with an uploaded document,
/// assessment, a decision sent back and decided again, approvals, user notice by e-mail and webhook, fulfilment
/// through the connector, reads of the package and the document, a response letter, closing notes, and a
/// compartmented case about someone at risk. Every value typed in is a <see cref="SensitiveValues"/> mark, so the
/// plaintext and log scans know what to look for. New features that take personal data add their step here.
/// </summary>
public sealed class SensitiveFlow(DeskApp app)
{
    public SensitiveValues Values { get; } = new();

    /// <summary>
    /// Values stored in clear on purpose (the issuing body's name is a list filter): a scan must find these, which
    /// proves it reads what it claims to read.
    /// </summary>
    public SensitiveValues ClearByDesign { get; } = new();

    public string? DemandId { get; private set; }

    private static async Task<JsonElement> Body(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private static async Task<HttpResponseMessage> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        var r = await call;
        Assert.True(r.StatusCode == status, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: expected {status}, got {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return r;
    }

    public async Task RunAsync()
    {
        var v = Values;
        var lead = await app.ClientFor(Roles.HumanRightsLead);
        var intake = await app.ClientFor(Roles.Intake);
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        var approver = await app.ClientFor(Roles.Approver);

        // The at-risk registry: an identifier and a note about the person.
        var atRiskId = v.Mark("atrisk-id");
        await Expect(HttpStatusCode.Created, lead.PostAsJsonAsync("/api/v1/at-risk", new { id = atRiskId, category = "journalist", note = v.Mark("atrisk-note") }));
        // No token reads the registry (it is read on the desk); the refusal says so without a trace of the entries.
        await Expect(HttpStatusCode.Forbidden, lead.GetAsync("/api/v1/at-risk"));

        // The platform's own data, as the connector exports it: the user's address and the records to disclose.
        var target = v.Mark("target-id");
        var exportDir = Path.Combine(app.ConnectorRoot, "account", target);
        Directory.CreateDirectory(exportDir);
        var userEmail = v.Add("user-email", $"{v.Mark("user-mailbox")}@users.example.org");
        await File.WriteAllTextAsync(Path.Combine(exportDir, "contact.json"), $"{{\"email\":\"{userEmail}\",\"language\":\"en\"}}");
        await File.WriteAllTextAsync(Path.Combine(exportDir, "subscriberInfo.json"), $"{{\"name\":\"{v.Mark("subscriber-name")}\"}}");
        await File.WriteAllTextAsync(Path.Combine(exportDir, "content.json"), $"{{\"messages\":[\"{v.Mark("message-content")}\"]}}");

        // Intake: the demand as multipart with its original document.
        var demand = JsonNode.Parse(TestRepo.Example("01-us-search-warrant"))!;
        demand["targets"]![0]!["id"] = target;
        var authority = demand["authority"]!;
        authority["name"] = "Federal Bureau of Investigation " + ClearByDesign.Mark("authority-name");
        authority["officer"] = v.Mark("officer-name");
        authority["email"] = v.Add("officer-email", $"{v.Mark("officer-mailbox")}@fbi.example.gov");
        authority["phone"] = v.Mark("officer-phone");
        authority["reference"] = v.Mark("authority-reference");
        demand["legalBasis"] = v.Mark("legal-basis");
        demand["offence"] = v.Mark("offence");
        demand["statementOfReasons"] = v.Mark("statement-of-reasons");
        demand["redress"] = v.Mark("redress");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(demand.ToJsonString(), Encoding.UTF8), "demand");
        var document = new ByteArrayContent(Encoding.UTF8.GetBytes("Search warrant. " + v.Mark("document-content") + " Signed."));
        document.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(document, "document", v.Mark("document-name") + ".txt");
        var created = await Body(await Expect(HttpStatusCode.Created, intake.PostAsync("/api/v1/demands", form)));
        var id = created.GetProperty("id").GetString()!;
        DemandId = id;

        // Reassessment, a decision with a reason, sent back with a reason, decided again, approved with a comment.
        await Expect(HttpStatusCode.OK, reviewer.PostAsync($"/api/v1/demands/{id}/assess", null));
        await Expect(HttpStatusCode.OK, reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "disclose", reason = v.Mark("decision-reason") }));
        await Expect(HttpStatusCode.OK, approver.PostAsJsonAsync($"/api/v1/demands/{id}/send-back", new { reason = v.Mark("send-back-reason") }));
        await Expect(HttpStatusCode.OK, reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "disclose", reason = v.Mark("second-decision-reason") }));
        await Expect(HttpStatusCode.OK, approver.PostAsJsonAsync($"/api/v1/demands/{id}/approvals", new { comment = v.Mark("approval-comment") }));

        // User notice goes out by e-mail (to the address above) and by the signed webhook (naming the target).
        // A failing receiver is retried after the backoff, so the failure path runs when a test makes it fail.
        for (var attempt = 0; attempt < 3 && !app.Webhook.Requests.Any(r => r.Body.Contains(target, StringComparison.Ordinal)); attempt++)
        {
            if (attempt > 0)
            {
                app.Clock.Advance(TimeSpan.FromHours(1));
            }

            await app.InScope(async sp =>
            {
                await sp.GetRequiredService<NoticeJob>().RunAsync(default);
                await sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default);
            });
        }

        Assert.Contains(app.Smtp.Messages, m => m.To.Any(t => t.Contains(userEmail, StringComparison.Ordinal)));
        Assert.Contains(app.Webhook.Requests, r => r.Body.Contains(target, StringComparison.Ordinal));

        // Fulfilment fetches the platform's records into a sealed package; then the package and the document are read.
        var fulfilled = await Body(await Expect(HttpStatusCode.OK, reviewer.PostAsync($"/api/v1/demands/{id}/fulfil", null)));
        var view = await Body(await Expect(HttpStatusCode.OK, reviewer.GetAsync($"/api/v1/demands/{id}")));
        var packageId = view.GetProperty("packages")[0].GetProperty("id").GetString();
        var package = await Expect(HttpStatusCode.OK, reviewer.GetAsync($"/api/v1/demands/{id}/packages/{packageId}"));
        Assert.Contains(v.All["subscriber-name"], await package.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var documentId = view.GetProperty("documents")[0].GetProperty("id").GetString();
        var original = await Expect(HttpStatusCode.OK, reviewer.GetAsync($"/api/v1/demands/{id}/documents/{documentId}"));
        Assert.Contains(v.All["document-content"], await original.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(v.All["document-name"] + ".txt", original.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("fulfilled", fulfilled.GetProperty("state").GetString());

        // A response letter (it quotes the authority's reference), then the case is closed with a note.
        var letter = await Expect(HttpStatusCode.Created, reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/letters", new { language = "en" }));
        Assert.Contains(v.All["authority-reference"], await letter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Expect(HttpStatusCode.OK, reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/close", new { note = v.Mark("close-note") }));

        // A second document attached later, and a compartmented case about the person at risk, read by the lead.
        using var later = new MultipartFormDataContent();
        var second = new ByteArrayContent(Encoding.UTF8.GetBytes(v.Mark("second-document-content")));
        second.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        later.Add(second, "document", v.Mark("second-document-name") + ".txt");
        await Expect(HttpStatusCode.Created, intake.PostAsync($"/api/v1/demands/{id}/documents", later));

        // A preservation: the connector is asked to freeze the account's records.
        var preserve = JsonNode.Parse(TestRepo.Example("12-us-preservation-request"))!;
        preserve["targets"]![0]!["id"] = v.Mark("target-id-preserved");
        preserve["authority"]!["officer"] = v.Mark("preservation-officer");
        var kept = await Body(await Expect(HttpStatusCode.Created, intake.PostAsync("/api/v1/demands", new StringContent(preserve.ToJsonString(), Encoding.UTF8, "application/json"))));
        var keptId = kept.GetProperty("id").GetString();
        await Expect(HttpStatusCode.OK, reviewer.PostAsJsonAsync($"/api/v1/demands/{keptId}/decision", new { outcome = "preserve", reason = v.Mark("preservation-reason") }));
        await Expect(HttpStatusCode.OK, reviewer.PostAsync($"/api/v1/demands/{keptId}/fulfil", null));

        var journalist = JsonNode.Parse(TestRepo.Example("16-us-subpoena-for-journalist"))!;
        journalist["targets"]![0]!["id"] = "@" + atRiskId.ToUpperInvariant();
        v.Add("atrisk-id-as-typed", "@" + atRiskId.ToUpperInvariant());
        journalist["statementOfReasons"] = v.Mark("restricted-reasons");
        var restricted = await Body(await Expect(HttpStatusCode.Created, intake.PostAsync("/api/v1/demands", new StringContent(journalist.ToJsonString(), Encoding.UTF8, "application/json"))));
        var restrictedId = restricted.GetProperty("id").GetString();
        // No token reads a compartmented case; the lead reads and closes it on the desk (the same commands, as a person).
        await Expect(HttpStatusCode.NotFound, lead.GetAsync($"/api/v1/demands/{restrictedId}"));
        await app.InScope(async sp =>
        {
            var cases = sp.GetRequiredService<DemandCases>();
            var record = (await cases.FindAsync(Guid.Parse(restrictedId!), default))!;
            Assert.True(record.Restricted);
            var deskLead = Core.Cases.Actor.Person("desk-lead", "desk-lead@desk.example");
            await sp.GetRequiredService<RecordDemandRead>().RunAsync(record, deskLead, default);
            await sp.GetRequiredService<CloseDemand>().RunAsync(record, deskLead, v.Mark("restricted-close-note"), default);
        });
    }
}
