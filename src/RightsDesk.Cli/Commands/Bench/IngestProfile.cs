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
/// decisions, so a batch size does not change what it means, with the bytes the section allocated per decision beside
/// it (the run is serial, so the process's allocation count is the section's): garbage is time on two cores.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A benchmark measures real elapsed time.")]
public static class IngestProfile
{
    private static readonly string[] Sections = ["parse_and_validate", "canonical_body_and_hash", "ladder", "seal", "stage", "record"];

    public sealed record Section(string Name, double MsPerThousand, double KbPerDecision);

    /// <summary>Elapsed time and bytes allocated, summed over the batches.</summary>
    private sealed class Tally
    {
        public TimeSpan Elapsed;
        public long Bytes;
    }

    /// <summary>Measures from construction to <see cref="Into"/>.</summary>
    private readonly struct Meter()
    {
        private readonly long _bytes = GC.GetTotalAllocatedBytes(precise: true);
        private readonly long _ticks = Stopwatch.GetTimestamp();

        public void Into(Tally tally)
        {
            tally.Elapsed += Stopwatch.GetElapsedTime(_ticks);
            tally.Bytes += GC.GetTotalAllocatedBytes(precise: true) - _bytes;
        }
    }

    public static async Task<IReadOnlyList<Section>> RunAsync(BenchInstance instance, long from, int batches, int size, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var sections = Sections.ToDictionary(n => n, _ => new Tally());
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

            var meter = new Meter();
            using var doc = StrictJson.Parse(buffer.WrittenSpan, ModerationDecisionReader.MaxBodyBytes, "too large");
            var items = ModerationDecisionReader.ReadBody(doc.RootElement);
            meter.Into(sections["parse_and_validate"]);

            await using var scope = instance.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            TimeSections(items, services, sections);

            var request = new RecordDecisions.Request(items, true, items.Select(i => i.Value?.Puid).ToList(), actor);
            meter = new Meter();
            await services.GetRequiredService<RecordDecisions>().StageAsync(request, ct);
            meter.Into(sections["stage"]);
            services.GetRequiredService<LedgerWriter>().Discard();

            await using var fresh = instance.Services.CreateAsyncScope();
            meter = new Meter();
            await fresh.ServiceProvider.GetRequiredService<RecordDecisions>().RunAsync(request, ct);
            meter.Into(sections["record"]);
        }

        var decisions = (double)batches * size;
        return sections.Select(s => new Section(s.Key, s.Value.Elapsed.TotalMilliseconds * 1000 / decisions, s.Value.Bytes / 1024.0 / decisions)).ToList();
    }

    /// <summary>The store's per-item work, each part alone, with the calls <see cref="RecordDecisions"/> makes.</summary>
    private static void TimeSections(IReadOnlyList<BatchItem<ModerationDecision>> items, IServiceProvider services, Dictionary<string, Tally> sections)
    {
        var decisions = items.Where(i => i.Accepted).Select(i => i.Value!).ToList();
        var meter = new Meter();
        foreach (var d in decisions)
        {
            SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(d, JsonNames.Options));
        }

        meter.Into(sections["canonical_body_and_hash"]);
        var policy = services.GetRequiredService<PolicyProvider>().Current;
        meter = new Meter();
        foreach (var d in decisions)
        {
            ProportionalityReview.Review(d, policy.Moderation!, policy.Version);
        }

        meter.Into(sections["ladder"]);
        var cipher = services.GetRequiredService<FieldCipher>();
        var body = new byte[1200];
        meter = new Meter();
        foreach (var d in decisions)
        {
            var (dek, _) = cipher.NewDataKey();
            cipher.EncryptBytes(dek, body, SealingContext.Moderation(Guid.Empty, "decision"));
            if (d.Account is not null)
            {
                cipher.BlindIndex(RecordDecisions.AccountIndexPurpose, Identifiers.Canonical(TargetType.Account, d.Account));
            }
        }

        meter.Into(sections["seal"]);
    }
}
