using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightsDesk.Application;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Security;

namespace RightsDesk.Cli.Commands;

/// <summary>
/// The store and its use cases for a console command, without a web host: the same commands the server runs, on the
/// database and key file the options name. Commands that create data (import, users, tokens) may start on an empty
/// data directory; the migrations run first, as they do when the server starts.
/// </summary>
public static class CliStore
{
    public static async Task<ServiceProvider> OpenAsync(StoreSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var services = new ServiceCollection();
        // The console prints what the operator needs; library chatter stays out of it.
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        var dataDir = Path.GetDirectoryName(Path.GetFullPath(settings.KeyFile)) ?? ".";
        services.AddRightsDeskStore(new StoreLocation(settings.Database, settings.KeyFile, Environment.GetEnvironmentVariable("RIGHTSDESK_POLICY"), Path.Combine(dataDir, "connector")));
        services.AddIdentityCore<DeskUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RightsDeskDbContext>()
            .AddUserStore<ProtectedUserStore>();
        services.AddScoped<TotpVerifier>();
        services.AddScoped<RecoveryCodes>();
        services.AddScoped<AccountService>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<Web.IllegalContentNotices.TrustedFlaggerRegistry>();
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await DataServices.MigrateAsync(scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>(), ct);
        await AccountSetup.EnsureRolesAsync(scope.ServiceProvider);
        return provider;
    }

    /// <summary>The operator at the console, as the ledger names them.</summary>
    public static Core.Cases.Actor Operator => Core.Cases.Actor.System("console:" + Environment.UserName);
}
