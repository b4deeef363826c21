namespace RightsDesk.Web.Ledger;

/// <summary>
/// Checks at start-up, in the background, that the stored ledger still extends the last signed tree head, so /health
/// and the desk say so before anyone asks for a head. Re-deriving every event takes a while on a large ledger, and
/// the host must answer meanwhile: /health says "checking" until it is done.
/// </summary>
public sealed class LedgerStartupCheck(IServiceScopeFactory scopes, ILogger<LedgerStartupCheck> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hand back to the host before any work, so starting never waits on a check of a large ledger.
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TreeHeadService>().CheckAsync(stoppingToken);
            log.LogInformation("The stored ledger extends the last signed tree head");
        }
        catch (LedgerInconsistentException ex)
        {
            // Already reported to LedgerHealth; the message names the event and the fault, no stored value.
            log.LogCritical("Start-up check of the ledger failed: {Problem}", ex.Message);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The database may be unreachable for a moment; the status stays "checking" and the next signing
            // runs the same check. The exception is named by type only, since its text can quote values.
            log.LogError("Start-up check of the ledger could not run: {Error}", ex.GetType().Name);
        }
    }
}
