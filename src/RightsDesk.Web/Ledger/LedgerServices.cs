namespace RightsDesk.Web.Ledger;

public static class LedgerServices
{
    /// <summary>Tree heads: the in-memory tree, the issuer, the start-up check, the checkpoint's origin
    /// (Ledger:Origin) and the schedule (Ledger:Worker:Enabled, default true; Ledger:TreeHeadInterval, default one
    /// hour).</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services, IConfiguration config)
    {
        var options = new LedgerOptions { TreeHeadInterval = config.GetValue("Ledger:TreeHeadInterval", TimeSpan.FromHours(1)) };
        if (options.TreeHeadInterval < TimeSpan.FromSeconds(1))
        {
            throw new InvalidOperationException($"Ledger:TreeHeadInterval must be at least one second (for example 01:00:00 for hourly); it is {options.TreeHeadInterval}.");
        }

        services.AddSingleton(options);
        services.AddSingleton<LedgerHealth>();
        services.AddSingleton<LedgerTree>();
        services.AddScoped<TreeHeadService>();
        services.AddSingleton(new LedgerCheckpointOptions(config["Ledger:Origin"]));
        // Always on, unlike the schedule: /health and the desk need to know whether the ledger still holds.
        services.AddHostedService<LedgerStartupCheck>();
        if (config.GetValue("Ledger:Worker:Enabled", true))
        {
            services.AddHostedService<TreeHeadWorker>();
        }

        return services;
    }
}
