using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Moderation;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Common;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Moderation;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Cli.Commands.Bench;

/// <summary>
/// `bench ingest --profile`: where a batch's time goes on the server, measured in the instance's own services by the
/// same calls the endpoint makes, section by section, without HTTP. The sections of the store (canonical body and
/// its hash, the ladder, sealing) are timed on their own first; <c>stage</c> is
/// <see cref="RecordDecisions.StageAsync"/> alone (those three again plus the puid, demand and at-risk lookups), its
/// unit of work then dropped, and <c>record</c> the endpoint's whole <see cref="RecordDecisions.RunAsync"/> on the
/// same items in a fresh scope (staging again, then the transaction that writes the rows and their ledger events),
/// so record minus stage is the save. Each figure is milliseconds per 1,000
/// decisions, so a batch size does not change what it means.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A benchmark measures real elapsed time.")]
public static class IngestProfile
{
    private static readonly string[] Sections = ["parse_and_validate", "canonical_body_and_hash", "ladder", "seal", "stage", "record"];

    public static async Task<IReadOnlyList<(string Name, double MsPerThousand)>> RunAsync(BenchInstance instance, long from, int batches, int size, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var sections = Sections.ToDictionary(n => n, _ => TimeSpan.Zero);
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        await using var writer = new Utf8JsonWriter(buffer);
        var actor = Actor.Machine("bench-profile", "bench-profile");
        for (var b = 0; b < batches; b++)
        {
            var start = from + (long)b * size;
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            BenchDecisions.WriteBatch(writer, start, start + size);
            await writer.FlushAsync(ct);

            var sw = Stopwatch.StartNew();
            using var doc = StrictJson.Parse(buffer.WrittenSpan, ModerationDecisionReader.MaxBodyBytes, "too large");
            var items = ModerationDecisionReader.ReadBody(doc.RootElement);
            sections["parse_and_validate"] += sw.Elapsed;

            await using var scope = instance.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            TimeSections(items, services, sections);

            var request = new RecordDecisions.Request(items, true, items.Select(i => i.Value?.Puid).ToList(), actor);
            sw.Restart();
            await services.GetRequiredService<RecordDecisions>().StageAsync(request, ct);
            sections["stage"] += sw.Elapsed;
            services.GetRequiredService<LedgerWriter>().Discard();

            await using var fresh = instance.Services.CreateAsyncScope();
            sw.Restart();
            await fresh.ServiceProvider.GetRequiredService<RecordDecisions>().RunAsync(request, ct);
            sections["record"] += sw.Elapsed;
        }

        var thousands = batches * size / 1000.0;
        return sections.Select(s => (s.Key, s.Value.TotalMilliseconds / thousands)).ToList();
    }

    /// <summary>The store's per-item work, each part alone, with the calls <see cref="RecordDecisions"/> makes.</summary>
    private static void TimeSections(IReadOnlyList<BatchItem<ModerationDecision>> items, IServiceProvider services, Dictionary<string, TimeSpan> sections)
    {
        var decisions = items.Where(i => i.Accepted).Select(i => i.Value!).ToList();
        var sw = Stopwatch.StartNew();
        foreach (var d in decisions)
        {
            SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(d, JsonNames.Options));
        }

        sections["canonical_body_and_hash"] += sw.Elapsed;
        var policy = services.GetRequiredService<PolicyProvider>().Current;
        sw.Restart();
        foreach (var d in decisions)
        {
            ProportionalityReview.Review(d, policy.Moderation!, policy.Version);
        }

        sections["ladder"] += sw.Elapsed;
        var cipher = services.GetRequiredService<FieldCipher>();
        var body = new byte[1200];
        sw.Restart();
        foreach (var d in decisions)
        {
            var (dek, _) = cipher.NewDataKey();
            cipher.EncryptBytes(dek, body, SealingContext.Moderation(Guid.Empty, "decision"));
            if (d.Account is not null)
            {
                cipher.BlindIndex(RecordDecisions.AccountIndexPurpose, Identifiers.Canonical(TargetType.Account, d.Account));
            }
        }

        sections["seal"] += sw.Elapsed;
    }
}
