using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Accounts;

/// <summary>
/// People sign in to pages with a cookie session; machines call /api with a bearer token. The two never mix: the API
/// does not accept the cookie (so a page cannot be made to call it cross-site) and pages do not accept tokens.
/// </summary>
public static class AccountSetup
{
    public const string SelectorScheme = "RightsDesk";
    public const string CookieBaseName = "RightsDesk";
    public const string CookieName = "__Host-" + CookieBaseName;
    public const string SignInRateLimit = "sign-in";
    public const string StaffPolicy = "staff";
    public const string OfficialPolicy = "official";
    public const string PartnerPolicy = "partner";

    public static void AddRightsDeskAccounts(this WebApplicationBuilder builder, string dataDir)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.Configure<SessionOptions>(config.GetSection("Accounts:Session"));
        var session = config.GetSection("Accounts:Session").Get<SessionOptions>() ?? new SessionOptions();
        // Production runs behind TLS: cookies are Secure and carry the __Host- prefix (bound to this exact origin).
        // The demo on loopback speaks plain HTTP, where a browser refuses such cookies; only there may this be turned on.
        var plainHttp = config.GetValue("Accounts:AllowPlainHttp", false);
        var secure = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        var prefix = plainHttp ? "" : "__Host-";

        // Cookie and antiforgery keys: kept beside the key file, outside the database, like the other keys.
        services.AddDataProtection().SetApplicationName("RightsDesk")
            .PersistKeysToFileSystem(new DirectoryInfo(config["RightsDesk:ProtectionKeysDirectory"] ?? Path.Combine(dataDir, "protection-keys")));

        services.AddIdentityCore<DeskUser>(o =>
            {
                // ASVS 5.0 6.2: length, a breached-password check, no composition rules and no forced rotation.
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = config.GetValue("Accounts:Lockout:MaxFailedAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = config.GetValue("Accounts:Lockout:Duration", TimeSpan.FromMinutes(15));
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters += "+";
                o.SignIn.RequireConfirmedEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RightsDeskDbContext>()
            .AddUserStore<ProtectedUserStore>()
            .AddSignInManager<DeskSignInManager>()
            .AddPasswordValidator<PasswordPolicy>();
        // OWASP's figure for PBKDF2-HMAC-SHA512.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.AddHttpContextAccessor();
        services.AddScoped<AccountService>();
        services.AddScoped<TotpVerifier>();
        services.AddScoped<StepUp>();
        services.AddScoped<DeskSignIn>();
        services.AddScoped<RecoveryCodes>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((o, store) => o.SessionStore = store);

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Token for /api, cookie for pages", o =>
                o.ForwardDefaultSelector = http => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? ApiTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = prefix + CookieBaseName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = secure;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.Path = "/";
                o.Cookie.IsEssential = true;
                o.ExpireTimeSpan = session.Idle;
                o.SlidingExpiration = true;
                o.LoginPath = "/account/signin";
                o.LogoutPath = "/account/signout";
                o.AccessDeniedPath = "/account/denied";
                o.ReturnUrlParameter = "returnUrl";
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = prefix + "RightsDesk-Form";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__rd_form";
        });
    }

    /// <summary>Every request of a session: absolute lifetime first, then the security stamp (disabled, role changed).</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<DeskSignIn>();
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (DeskSignIn.PastAbsoluteLimit(context.Properties, clock.GetUtcNow(), signIn.AbsoluteLimit))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Identity's own validator skips the check within its interval; here every request is checked, so a disabled
        // account or a changed role cannot keep working for even one more page.
        var manager = context.HttpContext.RequestServices.GetRequiredService<SignInManager<DeskUser>>();
        if (await manager.ValidateSecurityStampAsync(context.Principal) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>The desk is for staff, the portal for officials; neither lets the other in.</summary>
    public static void RegisterPolicies(Microsoft.AspNetCore.Authorization.AuthorizationOptions o)
    {
        o.AddPolicy(StaffPolicy, b => b.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser()
            .RequireAssertion(c => Roles.IsStaff(c.User.Role())));
        o.AddPolicy(OfficialPolicy, b => b.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser()
            .RequireRole(Roles.Official));
        o.AddPolicy(PartnerPolicy, b => b.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser()
            .RequireRole(Roles.Partner));
    }

    /// <summary>The roles exist in the database so accounts can be given them.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        var existing = await roles.Roles.Select(r => r.Name).ToListAsync();
        foreach (var role in Roles.All.Where(r => !existing.Contains(r)))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
