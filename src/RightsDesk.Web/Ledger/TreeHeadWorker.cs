namespace RightsDesk.Web.Ledger;

public sealed class LedgerOptions
{
    /// <summary>How often the schedule issues a tree head (when the ledger grew): config Ledger:TreeHeadInterval.</summary>
    public TimeSpan TreeHeadInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Issues a tree head at start-up and every <see cref="LedgerOptions.TreeHeadInterval"/>, skipping
/// intervals in which the ledger did not grow. Runs in every app node; the issuer's lock and the skip keep two nodes
/// from signing the same size twice.</summary>
public sealed class TreeHeadWorker(IServiceScopeFactory scopes, LedgerOptions options, TimeProvider clock, ILogger<TreeHeadWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.TreeHeadInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var issued = await scope.ServiceProvider.GetRequiredService<TreeHeadService>().IssueAsync(TreeHeadService.Schedule, onlyIfGrown: true, stoppingToken);
                if (issued is not null)
                {
                    log.LogInformation("Issued tree head {Id} for {Size} ledger events", issued.Id, issued.TreeSize);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Our own refusals (no signing key, a broken ledger) say what to do and hold no case data; other
                // exceptions are named by type only, as elsewhere, since their texts can quote values.
                log.LogError("Issuing the scheduled tree head failed: {Error}", ex is InvalidOperationException ? ex.Message : ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
