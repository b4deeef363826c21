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
using RightsDesk.Web.Defenders;
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
    /// <summary>API tokens for scripts: the platform's own system, and one reviewer for trying the API with curl.</summary>
    private static readonly (string Name, string Role)[] Machines = [("platform", Roles.Platform), ("alice-cli", Roles.LegalReviewer)];

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var dir = new Option<string>("--data") { Description = "The demo's data directory.", DefaultValueFactory = _ => "data/demo" };
        var noServe = new Option<bool>("--seed-only") { Description = "Seed and exit without serving." };
        var command = new Command("demo", "Seed a demo desk with realistic demands and serve it.") { urls, dir, noServe };
        command.SetAction(async (parse, ct) =>
        {
            var data = Path.GetFullPath(parse.GetValue(dir)!);
            var url = parse.GetValue(urls)!;
            var o = parse.InvocationConfiguration.Output;
            await using var app = RightsDeskWeb.Build(
            [
                "--urls", url,
                "--RightsDesk:DataDirectory", data,
                "--Notices:Worker:Enabled", "false",
            ]);

            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
                if (!await db.Demands.AnyAsync(ct))
                {
                    var people = await DemoAccounts.CreateAsync(scope.ServiceProvider, ct);
                    var tokens = await SeedAsync(scope.ServiceProvider, data, ct);
                    await WritePrivateAsync(Path.Combine(data, "demo-tokens.txt"), string.Join("\n", tokens.Select(t => $"{t.Name}\t{t.Role}\t{t.Secret}")) + "\n", ct);
                    await WritePrivateAsync(Path.Combine(data, "demo-accounts.txt"), string.Join("\n", people.Select(p => $"{p.Email}\t{p.Role}\t{p.Password}\t{p.TotpSecret}")) + "\n", ct);
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
            await o.WriteLineAsync($"  Public guidelines: {url}/   Authority portal: {url}/portal   API: {url}/api/v1/demands (OpenAPI: {url}/openapi/v1.json)");
            await o.WriteLineAsync("  API tokens (name, role, token) — also in " + Path.Combine(data, "demo-tokens.txt") + ":");
            foreach (var line in await File.ReadAllLinesAsync(Path.Combine(data, "demo-tokens.txt"), ct))
            {
                await o.WriteLineAsync("    " + line.Replace('\t', ' '));
            }

            if (parse.GetValue(noServe))
            {
                return 0;
            }

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
        foreach (var (name, role) in Machines)
        {
            var issued = await tokenService.CreateAsync(name, role, TimeSpan.FromDays(30), "demo", ct);
            tokens.Add((name, role, issued.Secret));
        }

        var policyDir = sp.GetRequiredService<PolicyProvider>().Directory;
        var examples = Directory.GetFiles(Path.Combine(policyDir, "examples"), "*.demand.json").Order().ToArray();
        var registry = sp.GetRequiredService<AtRiskRegistry>();
        foreach (var atRiskFile in Directory.GetFiles(Path.Combine(policyDir, "examples"), "*.at-risk.json"))
        {
            foreach (var entry in JsonSerializer.Deserialize<List<JsonElement>>(await File.ReadAllTextAsync(atRiskFile, ct))!)
            {
                await registry.AddAsync(entry.GetProperty("id").GetString()!, entry.GetProperty("category").GetString()!, "demo entry", DemoAccounts.Email("hana"), ct);
            }
        }

        var service = sp.GetRequiredService<DemandService>();
        var now = DateTimeOffset.UtcNow;
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
                demand = Variant(demand, shift, round);
                WriteConnectorData(connectorRoot, demand);
                var body = JsonSerializer.SerializeToUtf8Bytes(demand, JsonNames.Options);
                var created = await service.CreateAsync(demand, body, null, round == 2 ? "token:platform" : DemoAccounts.Email("ines"), $"demo-{n}", ct);
                await Progress(service, created.Record.Id, n, ct);
                n++;
            }
        }

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

    /// <summary>Walks a share of the demands through the workflow, so every state has cases in it.</summary>
    private static async Task Progress(DemandService service, Guid id, int n, CancellationToken ct)
    {
        var stage = n % 5; // 0: left assessed; 1: decided; 2: awaiting a second approval; 3: fully decided; 4: closed
        if (stage == 0)
        {
            return;
        }

        var record = (await service.FindAsync(id, ct))!;
        var assessment = service.OpenAssessment(record)!;
        await service.DecideAsync(record, new DecisionInput(assessment.Recommendation, "Following the assessment after review of the document.", null, null), DemoAccounts.Email("alice"), ct);
        record = (await service.FindAsync(id, ct))!;
        if (record.State == DemandState.AwaitingApproval && stage >= 3)
        {
            await service.ApproveAsync(record, DemoAccounts.Email("bob"), "Checked the legal basis and scope.", ct);
            record = (await service.FindAsync(id, ct))!;
            if (record.State == DemandState.AwaitingApproval)
            {
                await service.ApproveAsync(record, DemoAccounts.Email("hana"), "Reviewed as human rights lead.", ct);
            }
        }

        record = (await service.FindAsync(id, ct))!;
        if (stage == 4 && Workflow.Allows(record.State, WorkflowAction.Close))
        {
            await service.CloseAsync(record, DemoAccounts.Email("alice"), "Closed after the response letter.", ct);
        }
    }

    private static void WriteConnectorData(string root, Demand demand)
    {
        foreach (var t in demand.Targets.Where(t => t.IsIndividualised))
        {
            var dir = Path.Combine(root, JsonNames.Of(t.Type), Web.Fulfilment.FileConnector.SafeName(t.Id));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "contact.json"), JsonSerializer.Serialize(new { email = $"user-{Math.Abs(t.Id.GetHashCode(StringComparison.Ordinal)) % 100000}@users.example.org", language = "en" }));
            foreach (var c in Enum.GetValues<DataCategory>())
            {
                File.WriteAllText(Path.Combine(dir, JsonNames.Of(c) + ".json"), JsonSerializer.Serialize(new { category = JsonNames.Of(c), account = t.Id, note = "demo export" }));
            }
        }
    }
}
