using RightsDesk.Application.Deadlines;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Outbox;

namespace RightsDesk.Web.Notices;

/// <summary>Runs the notice job, the deadline reminders, the statements of reasons, the end dates of measures and the outbox on a timer in every app node.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxOptions options, ILogger<OutboxWorker> log) : BackgroundService
{
    /// <summary>Each statement's appeal code costs an Argon2 hash: a bounded number per cycle keeps the outbox moving.</summary>
    private const int StatementsPerCycle = 50;

    /// <summary>Measures ended per cycle: a day when many end dates fall is worked through over a few cycles.</summary>
    private const int MeasuresPerCycle = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NoticeJob>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<DeadlineReminderJob>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<RightsDesk.Application.Moderation.StatementsOfReasons>().RunAsync(StatementsPerCycle, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<RightsDesk.Application.Moderation.EndMeasures>().RunAsync(MeasuresPerCycle, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError("The notice/deadline/outbox cycle failed: {Error}", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
