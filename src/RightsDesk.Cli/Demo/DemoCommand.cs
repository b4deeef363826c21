using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Cli.Demo;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Policy;
using RightsDesk.Application.Defenders;
using RightsDesk.Web.Demands;
using Microsoft.Extensions.Hosting;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Cli.Commands;

/// <summary>
/// `rightsdesk demo`: a desk with about fifty realistic demands in every state, on the embedded database under
/// ./data/demo, served on loopback. The demands are the worked examples in policy/examples, replayed over the last
/// months with fresh identifiers, and walked through the workflow by demo reviewers.
/// </summary>
public static class DemoCommand
{
    /// <summary>API tokens for scripts: the platform's own system (a machine), and one acting for alice, the legal
    /// reviewer, for trying the API with curl (a person's token: it carries alice's role and stops if she loses it).</summary>
    private static readonly (string Name, string? Person)[] Machines = [("platform", null), ("alice-cli", "alice")];

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var dir = new Option<string>("--data") { Description = "The demo's data directory.", DefaultValueFactory = _ => "data/demo" };
        var noServe = new Option<bool>("--seed-only") { Description = "Seed and exit without serving." };
        var mailPort = new Option<int>("--mail-port") { Description = "The demo mail sink's SMTP port (loopback).", DefaultValueFactory = _ => 2525 };
        var mailPage = new Option<string>("--mail-page") { Description = "Where the demo mail sink's page listens (loopback).", DefaultValueFactory = _ => "http://127.0.0.1:5081" };
        var command = new Command("demo", "Seed a demo desk with realistic demands and serve it.") { urls, dir, noServe, mailPort, mailPage };
        command.SetAction(async (parse, ct) =>
        {
            var data = Path.GetFullPath(parse.GetValue(dir)!);
            var url = parse.GetValue(urls)!;
            var o = parse.InvocationConfiguration.Output;
            var serve = !parse.GetValue(noServe);
            // The desk sends its mail to the demo's own sink on loopback, through its normal SMTP path.
            await using var sink = new MailSink(parse.GetValue(mailPort), parse.GetValue(mailPage)!);
            await using var app = RightsDeskWeb.Build(
            [
                "--urls", url,
                "--RightsDesk:DataDirectory", data,
                "--Notices:Worker:Enabled", serve ? "true" : "false",
                "--Notices:Smtp:Host", "127.0.0.1",
                "--Notices:Smtp:Port", sink.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--Notices:Smtp:Security", "none",
                "--Notices:Smtp:From", "legal@platform.example",
                // And its webhooks (statements of reasons, measures to apply or lift) to the demo platform beside it.
                "--Notices:Webhook:Url", sink.WebhookUrl,
                "--Notices:Webhook:Secret", sink.Platform.Secret,
                // The demo listens on loopback over plain HTTP; a real desk runs behind TLS with Secure cookies.
                "--Accounts:AllowPlainHttp", "true",
            ]);

            sink.Platform.Clock = app.Services.GetRequiredService<TimeProvider>();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
                if (!await db.Demands.AnyAsync(ct))
                {
                    var people = await DemoAccounts.CreateAsync(scope.ServiceProvider, ct);
                    var tokens = await SeedAsync(scope.ServiceProvider, data, ct);
                    var officials = await PortalDemo.SeedAsync(scope.ServiceProvider, url, ct);
                    officials.AddRange(await PartnersDemo.SeedAsync(scope.ServiceProvider, url, ct));
                    await TransparencyDemo.PublishAsync(scope.ServiceProvider, ct);
                    await WritePrivateAsync(Path.Combine(data, "demo-tokens.txt"), string.Join("\n", tokens.Select(t => $"{t.Name}\t{t.Role}\t{t.Secret}")) + "\n", ct);
                    await WritePrivateAsync(Path.Combine(data, "demo-accounts.txt"), string.Join("\n", people.Select(p => $"{p.Email}\t{p.Role}\t{p.Password}\t{p.TotpSecret}").Concat(officials)) + "\n", ct);
                }
            }

            var count = 0;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                count = await scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>().Demands.CountAsync(ct);
            }

            await o.WriteLineAsync($"RightsDesk demo: {count} demands in {data}");
            await o.WriteLineAsync($"  Open {url}/account/signin and sign in as one of these people (email, role, password, TOTP secret);");
            await o.WriteLineAsync("  they are also in " + Path.Combine(data, "demo-accounts.txt") + ":");
            foreach (var line in await File.ReadAllLinesAsync(Path.Combine(data, "demo-accounts.txt"), ct))
            {
                await o.WriteLineAsync("    " + line.Replace('\t', ' '));
            }

            await o.WriteLineAsync("  The code: add the secret to an authenticator app, or run ./rightsdesk totp <secret>.");
            await o.WriteLineAsync($"  Public guidelines: {url}/   Authority portal: {url}/portal   Trusted partners: {url}/partner   API: {url}/api/v1/demands (OpenAPI: {url}/openapi/v1.json)");
            await o.WriteLineAsync($"  Published takedown demands: {url}/en/transparency/takedowns (public)   {url}/research/takedowns (sign in as rosa, the researcher)");
            await o.WriteLineAsync("  API tokens (name, role, token) — also in " + Path.Combine(data, "demo-tokens.txt") + ":");
            foreach (var line in await File.ReadAllLinesAsync(Path.Combine(data, "demo-tokens.txt"), ct))
            {
                await o.WriteLineAsync("    " + line.Replace('\t', ' '));
            }

            if (!serve)
            {
                return 0;
            }

            await sink.StartAsync(ct);
            await o.WriteLineAsync($"  Demo mailbox (every e-mail the desk sends: notices, letters, portal mail): {sink.PageUrl}/ (SMTP on 127.0.0.1:{sink.SmtpPort})");
            await o.WriteLineAsync($"  Demo platform (every signed webhook the desk sends: statements of reasons, measures to apply or lift): {sink.PageUrl}/platform");
            await o.WriteLineAsync($"Serving on {url} — Ctrl+C to stop.");
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    private static async Task<List<(string Name, string Role, string Secret)>> SeedAsync(IServiceProvider sp, string data, CancellationToken ct)
    {
        var tokens = new List<(string, string, string)>();
        var tokenService = sp.GetRequiredService<ApiTokenService>();
        foreach (var (name, person) in Machines)
        {
            var issued = person is null
                ? await tokenService.CreateForMachineAsync(name, TimeSpan.FromDays(30), "demo", ct)
                : await tokenService.CreateForPersonAsync(name, DemoAccounts.Email(person), TimeSpan.FromDays(30), "demo", ct);
            tokens.Add((name, issued.Record.Role, issued.Secret));
        }

        var people = await sp.GetRequiredService<RightsDeskDbContext>().Users.AsNoTracking()
            .Where(u => u.Email != null && u.Email.EndsWith("@" + DemoAccounts.Domain)).ToDictionaryAsync(u => u.Email!, u => u, ct);
        Core.Cases.Actor Person(string name) => Core.Cases.Actor.Person(people[DemoAccounts.Email(name)].Id, DemoAccounts.Email(name));
        Core.Cases.Viewer Viewer(string name) => Core.Cases.Viewer.For(Person(name), DemoAccounts.People.First(p => p.Name == name).Role, viaToken: false);

        var policyDir = sp.GetRequiredService<PolicyProvider>().Directory;
        var examples = Directory.GetFiles(Path.Combine(policyDir, "examples"), "*.demand.json").Order().ToArray();
        await DefendersDemo.SeedAsync(sp, Path.Combine(policyDir, "examples"), Viewer, ct);

        var create = sp.GetRequiredService<CreateDemand>();
        var platform = Core.Cases.Actor.Machine("demo-platform", "platform");
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var connectorRoot = Path.Combine(data, "connector");
        var n = 0;
        for (var round = 0; round < 3 && n < 50; round++)
        {
            foreach (var file in examples)
            {
                if (n >= 50)
                {
                    break;
                }

                var demand = DemandReader.Read(await File.ReadAllTextAsync(file, ct));
                // Spread over the last six months; the first round keeps the example's own target ids.
                var shift = now - demand.ReceivedAt - TimeSpan.FromDays(3 + (n * 37 % 180)) - TimeSpan.FromMinutes(n * 17);
                demand = Arrived(Variant(demand, shift, round), byIntake: round != 2);
                WriteConnectorData(connectorRoot, demand);
                var body = JsonSerializer.SerializeToUtf8Bytes(demand, JsonNames.Options);
                var created = await create.RunAsync(new CreateDemand.Request(demand, body, null, round == 2 ? platform : Person("ines"), round == 2 ? IntakeRoute.Api : IntakeRoute.Desk, $"demo-{n}"), ct);
                await JourneyDemo.AcknowledgeAsync(sp, created.Record.Id, n, Person("alice"), ct);
                await Progress(sp, created.Record.Id, n, Person, Viewer, ct);
                n++;
            }
        }

        await LumenDemo.SeedAsync(sp, Path.Combine(policyDir, "examples"), Person, Viewer, ct);
        await OriginalsDemo.SeedAsync(sp, Path.Combine(policyDir, "examples"), Person, Viewer, ct);
        await ModerationDemo.SeedAsync(sp, platform, ct);
        await AppealsDemo.SeedAsync(sp, platform, Person("tomas"), ct);
        await DisputesDemo.SeedAsync(sp, platform, Person("tomas"), ct);
        await ModflowDemo.SeedAsync(sp, platform, Person, Viewer, ct);
        await ImpactDemo.SeedAsync(sp, Person("hana"), Person("noor"), ct);
        await PushbackDemo.SeedAsync(sp, Person("hana"), ct);
        await IncidentsDemo.SeedAsync(sp, Person("ivan"), Person("hana"), ct);
        await NoticesDemo.SeedAsync(sp, platform, Person("tomas"), ct);
        await MisuseDemo.SeedAsync(sp, platform, Person, ct);
        return tokens;
    }

    private static async Task WritePrivateAsync(string path, string text, CancellationToken ct)
    {
        await File.WriteAllTextAsync(path, text, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static Demand Variant(Demand d, TimeSpan shift, int round)
    {
        var days = (int)Math.Round(shift.TotalDays);
        return d with
        {
            ReceivedAt = d.ReceivedAt + shift,
            Deadline = d.Deadline?.AddDays(days),
            DateRange = d.DateRange is { } r ? new DateRange(r.From.AddDays(days), r.To.AddDays(days)) : null,
            NonDisclosure = d.NonDisclosure is { Until: { } u } nd ? nd with { Until = u.AddDays(days) } : d.NonDisclosure,
            Targets = round == 0 ? d.Targets : d.Targets.Select((t, i) => t.IsIndividualised && t.Type is TargetType.Account
                ? t with { Id = $"{t.Id}-{round}{i}" } : t).ToList(),
        };
    }

    /// <summary>
    /// A worked example as the demo receives it outside the portal: "portal" is recorded only by the portal, so it came
    /// by e-mail; intake typed it up and, where the example says the requester was verified, recorded the call-back
    /// that shows it. What the platform's system forwards carries no call-back (a machine cannot vouch for one), so
    /// those demands wait for verification, as they would, until staff call back (see <see cref="Progress"/>).
    /// </summary>
    private static Demand Arrived(Demand d, bool byIntake)
    {
        var channel = d.Channel is Channel.Portal ? Channel.Email : d.Channel;
        var authority = d.Authority.Verified && byIntake
            ? d.Authority with { Verification = new VerificationCall("the number on the authority's own website", "the authority's published switchboard", "the duty officer, who confirmed the reference", JourneyDemo.ConfirmedAddress) }
            : d.Authority with { Verification = null };
        return d with { Channel = channel, Authority = authority };
    }

    /// <summary>Walks a share of the demands through the workflow, so every state has cases in it.</summary>
    private static async Task Progress(IServiceProvider sp, Guid id, int n, Func<string, Core.Cases.Actor> person, Func<string, Core.Cases.Viewer> viewer, CancellationToken ct)
    {
        var cases = sp.GetRequiredService<DemandCases>();
        var stage = n % 5; // 0: left assessed; 1: decided; 2: awaiting a second approval; 3: fully decided; 4: closed
        if (stage == 0)
        {
            return;
        }

        var record = (await cases.FindAsync(id, ct))!;
        var assessment = cases.Sealing.Assessment(record)!;
        await sp.GetRequiredService<Decide>().RunAsync(record, new DecisionInput(assessment.Recommendation, "Following the assessment after review of the document.", null, null), person("alice"), ct);
        record = (await cases.FindAsync(id, ct))!;
        if (record.State == DemandState.VerificationPending && n % 3 != 0)
        {
            // Most e-mailed demands are confirmed by calling the authority back, which reassesses them; the rest wait.
            await sp.GetRequiredService<RecordVerification>().RunAsync(record, person("alice"),
                new RecordVerification.CallBack("+1 202 555 0100", "the authority's official website", "the duty officer", "Confirmed the demand and its reference.", JourneyDemo.ConfirmedAddress), ct);
            record = (await cases.FindAsync(id, ct))!;
            if (Workflow.Allows(record.State, WorkflowAction.Decide))
            {
                await sp.GetRequiredService<Decide>().RunAsync(record, new DecisionInput(cases.Sealing.Assessment(record)!.Recommendation, "Following the assessment after the call-back.", null, null), person("alice"), ct);
                record = (await cases.FindAsync(id, ct))!;
            }
        }

        var approve = sp.GetRequiredService<Approve>();
        if (record.State == DemandState.AwaitingApproval && stage >= 3)
        {
            // The human rights lead approves first where the case is escalated: it needs the lead among its approvers.
            var first = record.EscalationRequired ? "hana" : "bob";
            await approve.RunAsync(record, viewer(first), "Checked the legal basis and scope.", ct);
            record = (await cases.FindAsync(id, ct))!;
            if (record.State == DemandState.AwaitingApproval)
            {
                await approve.RunAsync(record, viewer(first == "hana" ? "bob" : "hana"), "Reviewed as a second approver.", ct);
            }
        }

        record = (await cases.FindAsync(id, ct))!;
        if (stage == 4 && Workflow.Allows(record.State, WorkflowAction.Close))
        {
            await sp.GetRequiredService<CloseDemand>().RunAsync(record, person("alice"), "Closed after the response letter.", ct);
        }
    }

    private static void WriteConnectorData(string root, Demand demand)
    {
        foreach (var t in demand.Targets.Where(t => t.IsIndividualised))
        {
            var dir = Path.Combine(root, JsonNames.Of(t.Type), Application.Fulfilment.FileConnector.SafeName(t.Id));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "contact.json"), JsonSerializer.Serialize(new { email = $"user-{Math.Abs(t.Id.GetHashCode(StringComparison.Ordinal)) % 100000}@users.example.org", language = "en" }));
            foreach (var c in Enum.GetValues<DataCategory>())
            {
                File.WriteAllText(Path.Combine(dir, JsonNames.Of(c) + ".json"), JsonSerializer.Serialize(new { category = JsonNames.Of(c), account = t.Id, note = "demo export" }));
            }
        }
    }
}
