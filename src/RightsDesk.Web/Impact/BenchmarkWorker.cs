using RightsDesk.Application.Impact;

namespace RightsDesk.Web.Impact;

/// <summary>
/// The monitoring schedule: every <c>Impact:BenchmarkCheckInterval</c> (default one hour) it reads the benchmarks
/// whose last reading is older than the policy's <c>benchmarkReadingDays</c>. Each reading keeps the ledger's tree
/// size, so it recomputes later; one off target raises a review once. Two app nodes checking together could both read
/// a benchmark; the second reading is a true reading too (its own time and tree size), so nothing is lost but a row.
/// </summary>
public sealed class BenchmarkWorker(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<BenchmarkWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = config.GetValue("Impact:BenchmarkCheckInterval", TimeSpan.FromHours(1));
        if (interval < TimeSpan.FromSeconds(1))
        {
            throw new InvalidOperationException($"Impact:BenchmarkCheckInterval must be at least one second (for example 01:00:00 for hourly); it is {interval}.");
        }

        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var taken = await scope.ServiceProvider.GetRequiredService<Benchmarks>().TakeDueAsync(stoppingToken);
                if (taken > 0)
                {
                    log.LogInformation("Took {Count} scheduled benchmark readings", taken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Named by type only, as elsewhere: an exception's text can quote values.
                log.LogError("Taking the scheduled benchmark readings failed: {Error}", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
