using System.Diagnostics;
using System.Net;

namespace RightsDesk.Cli.Commands.Bench;

/// <summary>
/// Posts incident reports to the public form as a browser does: form-encoded, no cookie, with the header the guard
/// checks (<c>Sec-Fetch-Site: same-origin</c>). A report counts as accepted when the answer shows a receipt.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A benchmark measures real elapsed time.")]
public sealed class IncidentRun : IDisposable
{
    private static readonly string[] Types = ["harassment", "doxxing", "threats", "impersonation", "accountCompromise", "smearCampaign"];
    private static readonly string[] Countries = ["TR", "HK", "BR", "KE", "PH", "IN"];
    private readonly HttpClient _http;
    private long _accepted;
    private long _refused;
    private long _sent;

    public IncidentRun(Uri server)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public LatencyHistogram Latency { get; private set; } = new();

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Refused => Interlocked.Read(ref _refused);

    public string? FirstRefusal { get; private set; }

    public void Reset()
    {
        Latency = new LatencyHistogram();
        _accepted = 0;
        _refused = 0;
    }

    public async Task SendAsync(int count, int concurrency, CancellationToken ct)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                await PostOneAsync(Interlocked.Increment(ref _sent), ct);
            }
        }, ct)));
    }

    private async Task PostOneAsync(long i, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/en/incident") { Content = Form(i) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        var sw = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Latency.Add(sw.Elapsed);
        if (response.StatusCode == HttpStatusCode.OK && body.Contains("<output class=\"code\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _accepted);
        }
        else
        {
            Interlocked.Increment(ref _refused);
            FirstRefusal ??= $"HTTP {(int)response.StatusCode}";
        }
    }

    private static FormUrlEncodedContent Form(long i) => new([
        new("types", Types[i % Types.Length]),
        new("description", $"Bench report {i}: an account keeps posting my address and threatening to come to my office."),
        new("accounts", $"https://social.example/@bench{i % 997}"),
        new("content", $"https://social.example/@bench{i % 997}/{i}"),
        new("urgency", i % 5 == 0 ? "today" : "thisWeek"),
        new("contact", "none"),
        new("country", Countries[i % Countries.Length]),
    ]);

    public void Dispose() => _http.Dispose();
}
