using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RightsDesk.Application.Fulfilment;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Fulfilment;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Policy;

namespace RightsDesk.Application;

/// <summary>Where a desk keeps what it knows: the database, the key file, the policy in force, the connector's files.</summary>
public sealed record StoreLocation(DatabaseOptions Database, string KeyFile, string? PolicyDirectory, string ConnectorRoot);

/// <summary>
/// The store and the use cases, without any web host: the server composes this, and so do the console commands that
/// work on the store directly (import, users, tokens), so both run the same commands on the same data.
/// </summary>
public static class StoreServices
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A composition root: the system clock is registered here (unless the host or a test registered its own) and injected everywhere else.")]
    public static IServiceCollection AddRightsDeskStore(this IServiceCollection services, StoreLocation where)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(where);
        services.AddRightsDeskData(where.Database);
        services.TryAddSingleton(TimeProvider.System);
        // The key store follows the key file, so `rightsdesk keys rotate` needs no restart (see KeyStore).
        services.AddSingleton(_ => KeyStore.Open(where.KeyFile, createIfMissing: true));
        services.AddTransient(sp => sp.GetRequiredService<KeyStore>().Ring);
        services.AddSingleton(sp => new FieldCipher(sp.GetRequiredService<KeyStore>()));
        services.AddSingleton(_ => new PolicyProvider(PolicyDirectory.Locate(where.PolicyDirectory)));
        services.AddSingleton<IPlatformConnector>(sp => new FileConnector(where.ConnectorRoot, sp.GetRequiredService<TimeProvider>()));
        services.AddRightsDeskApplication();
        return services;
    }
}
