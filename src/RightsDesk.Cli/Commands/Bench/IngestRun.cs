using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace RightsDesk.Cli.Commands.Bench;

/// <summary>What the server answered, summed over a run, and how long each batch took.</summary>
public sealed class IngestTally
{
    private long _created;
    private long _existing;
    private long _refused;

    public long Created => Interlocked.Read(ref _created);
    public long Existing => Interlocked.Read(ref _existing);
    public long Refused => Interlocked.Read(ref _refused);
    public long Answered => Created + Existing + Refused;
    public LatencyHistogram Latency { get; } = new();

    /// <summary>The first refusal's path and message, so a benchmark that stores nothing says why.</summary>
    public string? FirstRefusal { get; private set; }

    internal void Add(long created, long existing, long refused, string? refusal)
    {
        Interlocked.Add(ref _created, created);
        Interlocked.Add(ref _existing, existing);
        Interlocked.Add(ref _refused, refused);
        if (refusal is not null && FirstRefusal is null)
        {
            FirstRefusal = refusal;
        }
    }
}

/// <summary>
/// Posts decisions 0..count-1 to POST /api/v1/moderation/decisions in batches, over a few keep-alive connections on
/// loopback. Each connection builds its next batch into one reused buffer just before sending it, so the client's
/// memory does not grow with the count.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A benchmark measures real elapsed time.")]
public sealed class IngestRun(Uri server, string token, int batchSize, int connections) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromMinutes(5),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    private long _nextBatch;

    public IngestTally Tally { get; } = new();

    /// <summary>Sends the batches covering decisions <paramref name="from"/> to <paramref name="to"/> (exclusive).</summary>
    public async Task SendAsync(long from, long to, IProgress<long>? progress, CancellationToken ct)
    {
        Interlocked.Exchange(ref _nextBatch, 0);
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(() => WorkAsync(from, to, progress, ct), ct)).ToArray();
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(long from, long to, IProgress<long>? progress, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        await using var writer = new Utf8JsonWriter(buffer);
        while (true)
        {
            var start = from + (Interlocked.Increment(ref _nextBatch) - 1) * batchSize;
            if (start >= to)
            {
                return;
            }

            var end = Math.Min(to, start + batchSize);
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            BenchDecisions.WriteBatch(writer, start, end);
            await writer.FlushAsync(ct);
            using var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var sw = Stopwatch.StartNew();
            using var response = await _http.PostAsync("/api/v1/moderation/decisions", content, ct);
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var answer = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            Tally.Latency.Add(sw.Elapsed);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The server answered {(int)response.StatusCode} to the batch from decision {start}: {answer.RootElement}");
            }

            Count(answer.RootElement);
            progress?.Report(end - start);
        }
    }

    private void Count(JsonElement answer)
    {
        long created = 0, existing = 0, refused = 0;
        string? refusal = null;
        foreach (var result in answer.GetProperty("results").EnumerateArray())
        {
            switch (result.GetProperty("status").GetString())
            {
                case "created":
                    created++;
                    break;
                case "existing":
                    existing++;
                    break;
                default:
                    refused++;
                    refusal ??= result.GetProperty("errors").ToString();
                    break;
            }
        }

        Tally.Add(created, existing, refused, refusal);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// Batch latencies in buckets 1% wide (from 0.01 ms to over an hour in under 2,000 counters), so percentiles cost the
/// same memory for a hundred batches as for ten million.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Floor = 0.01;
    private static readonly double Step = Math.Log(1.01);
    private readonly long[] _buckets = new long[2_000];

    public long Count => _buckets.Sum();

    public void Add(TimeSpan elapsed)
    {
        var ms = Math.Max(elapsed.TotalMilliseconds, Floor);
        var bucket = Math.Min(_buckets.Length - 1, (int)(Math.Log(ms / Floor) / Step));
        Interlocked.Increment(ref _buckets[bucket]);
    }

    /// <summary>The upper edge of the bucket holding the <paramref name="quantile"/> (0..1), in milliseconds.</summary>
    public double Percentile(double quantile)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= Math.Max(1, rank))
            {
                return Floor * Math.Exp((i + 1) * Step);
            }
        }

        return Floor * Math.Exp(_buckets.Length * Step);
    }
}
