using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Moderation;
using RightsDesk.Cli.Demo;
using RightsDesk.Core;
using RightsDesk.Core.Exports;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Exports;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Export;

/// <summary>What the export tests share: the app on one engine, the CLI run against it, decisions to export.</summary>
public abstract class ExportTestBase<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    protected readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    protected string Out(string name) => Path.Combine(app.Dir, name);

    private protected Task<CliRun> Export(string dir, params string[] more) =>
        RunCli(["export", "dsa", "--from", "2020-01-01", "--to", "2030-12-31", "--out", dir, .. Store(app), .. more]);

    protected Task SeedDemo() => app.InScope(sp => ModerationDemo.SeedAsync(sp, ModerationSupport.Platform, default));

    protected Task Record(string json) => app.InScope(async sp =>
    {
        using var doc = JsonDocument.Parse(json);
        var items = ModerationDecisionReader.ReadBody(doc.RootElement);
        Assert.All(items, i => Assert.True(i.Accepted, string.Join("; ", i.Errors.Select(e => e.Field + " " + e.Message))));
        await sp.GetRequiredService<RecordDecisions>().RunAsync(new RecordDecisions.Request(items, false, [null], ModerationSupport.Platform), default);
    });

    protected static string Decision(string puid, string scope, string facts) => $$"""
        {"decisionVisibility":["DECISION_VISIBILITY_CONTENT_REMOVED"],"decisionGround":"DECISION_GROUND_ILLEGAL_CONTENT",
         "illegalContentLegalGround":"§ 130 StGB","illegalContentExplanation":"Incitement; see the court's file.",
         "contentType":["CONTENT_TYPE_TEXT"],"category":"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH","territorialScope":{{scope}},
         "contentDate":"2026-02-20","applicationDate":"2026-02-21","decisionFacts":{{JsonSerializer.Serialize(facts)}},
         "sourceType":"SOURCE_TRUSTED_FLAGGER","sourceIdentity":"HateAid, desk jana@hateaid.example","automatedDetection":"No",
         "automatedDecision":"AUTOMATED_DECISION_NOT_AUTOMATED","puid":"{{puid}}","userLanguage":"en","account":"@victim-{{puid}}@social.example"}
        """;

    private protected static int Figure(CliRun run, string name)
    {
        var m = Regex.Match(run.Output, Regex.Escape(name) + @"\s+(\d+)");
        Assert.True(m.Success, $"no '{name}' in:\n{run}");
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    protected byte[] ExportKey => KeyRing.Read(app.KeyFile).ExportKey;

    protected static List<JsonObject> Statements(string dir) =>
        [.. Directory.GetFiles(dir).Order(StringComparer.Ordinal).SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["statements"]!.AsArray().Select(s => (JsonObject)s!))];

}
