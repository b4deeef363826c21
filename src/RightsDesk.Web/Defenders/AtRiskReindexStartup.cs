using RightsDesk.Application.Defenders;

namespace RightsDesk.Web.Defenders;

/// <summary>At start-up, in the background: entries moved from the one-identifier registry get their canonical index
/// (<see cref="AtRiskReindex"/>). Until then their old index still matches.</summary>
public sealed class AtRiskReindexStartup(IServiceScopeFactory scopes, ILogger<AtRiskReindexStartup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<AtRiskReindex>().RunAsync(stoppingToken);
            if (count > 0)
            {
                log.LogInformation("Re-indexed {Count} at-risk identifiers from the earlier registry", count);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Named by type only: the message can quote stored values. The next start tries again.
            log.LogError("Re-indexing the at-risk registry could not run: {Error}", ex.GetType().Name);
        }
    }
}
