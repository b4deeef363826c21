using RightsDesk.Application.Demands;

namespace RightsDesk.Web.Demands;

/// <summary>
/// At start-up, in the background: demands stored before references and the target index existed get both, so
/// every list shows a reference and a search by identifier finds old cases too. New demands get them at intake.
/// </summary>
public sealed class DemandIndexStartup(IServiceScopeFactory scopes, ILogger<DemandIndexStartup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<DemandSearchIndex>().BuildMissingAsync(stoppingToken);
            if (count > 0)
            {
                log.LogInformation("Indexed {Count} demands stored before the target index", count);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Named by type only: the message can quote stored values. The next start tries again.
            log.LogError("Indexing earlier demands could not run: {Error}", ex.GetType().Name);
        }
    }
}
