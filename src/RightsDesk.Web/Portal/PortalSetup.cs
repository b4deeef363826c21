namespace RightsDesk.Web.Portal;

/// <summary>The authority portal's services; RightsDeskWeb calls this once.</summary>
public static class PortalSetup
{
    public static void AddRightsDeskPortal(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Portal").Get<PortalOptions>() ?? new PortalOptions());
        services.AddSingleton<OfficialDomainPolicy>();
        services.AddSingleton<PlatformName>();
        services.AddScoped<PortalAccounts>();
        services.AddScoped<OfficialRegistration>();
        services.AddScoped<OfficialReview>();
        services.AddScoped<OfficialAuthenticatorResets>();
        services.AddScoped<ClarificationService>();
        services.AddScoped<PackageReleaseService>();
    }
}
