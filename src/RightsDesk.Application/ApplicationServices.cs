using Microsoft.Extensions.DependencyInjection;

namespace RightsDesk.Application;

/// <summary>Registers the use cases. The web host and the CLI both call this, so each runs the same commands.</summary>
public static class ApplicationServices
{
    public static IServiceCollection AddRightsDeskApplication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services;
    }
}
