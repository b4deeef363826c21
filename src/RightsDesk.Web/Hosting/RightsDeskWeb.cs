using System.Threading.RateLimiting;
using RightsDesk.Application;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Deadlines;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Fulfilment;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Policy;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Defenders;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Impact;
using RightsDesk.Application.Fulfilment;
using RightsDesk.Web.Ledger;
using RightsDesk.Web.Moderation;
using RightsDesk.Web.Notices;
using RightsDesk.Web.Portal;
using RightsDesk.Web.Public;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Hosting;

/// <summary>Composes the web host. Program.cs and `rightsdesk serve` both start here.</summary>
public static class RightsDeskWeb
{
    public const long MaxRequestBytes = 12 * 1024 * 1024;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddRightsDesk();
        var app = builder.Build();
        app.UseRightsDesk();
        return app;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "The web host's composition root: the system clock is registered here and injected everywhere else (tests replace it).")]
    public static void AddRightsDesk(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        // SQL statements are not logged: they are noise at the console, and a future change could put values in them.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Request lines are not logged either: paths carry enrolment and download links, and who asked for what case
        // when is itself sensitive. The ledger records what matters, without the noise.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var dataDir = config["RightsDesk:DataDirectory"] ?? "data";

        var database = new DatabaseOptions
        {
            Engine = DatabaseOptions.ParseEngine(config["Database:Engine"]),
            ConnectionString = config["Database:ConnectionString"] ?? $"Data Source={Path.Combine(dataDir, "rightsdesk.db")}",
        };
        services.AddSingleton(TimeProvider.System);
        services.AddRightsDeskStore(new StoreLocation(database, config["RightsDesk:KeyFile"] ?? Path.Combine(dataDir, "keys.json"),
            config["RightsDesk:PolicyDirectory"], config["Connector:Root"] ?? Path.Combine(dataDir, "connector")));
        services.AddScoped<DemandCommands>();
        services.AddScoped<CaseWork>();
        services.AddScoped<INoticeSources, NoticeSources>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<Policy.PolicyEditor>();
        services.AddScoped<Application.Impact.IPolicyFileWriter>(sp => sp.GetRequiredService<Policy.PolicyEditor>());
        services.AddScoped<Application.Impact.ApprovePolicyChange>();
        services.AddSingleton<Pages.Desk.DeskText>();
        services.AddSingleton<Transparency.TakedownCache>();
        services.AddScoped<Transparency.TakedownPages>();
        services.AddScoped<Application.Originals.IShownOriginals>(sp => sp.GetRequiredService<Transparency.TakedownPages>());
        services.AddHostedService<Demands.DemandIndexStartup>();
        services.AddHostedService<Defenders.AtRiskReindexStartup>();
        services.AddRightsDeskPortal(config);
        services.AddScoped<Partners.PartnerAccounts>();
        services.AddScoped<Partners.PartnerOnboarding>();
        services.AddScoped<Partners.PartnerRevocation>();

        services.AddSingleton(config.GetSection("Notices:Smtp").Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddSingleton(config.GetSection("Notices:Webhook").Get<WebhookOptions>() ?? new WebhookOptions());
        services.AddSingleton(config.GetSection("Notices:Outbox").Get<OutboxOptions>() ?? new OutboxOptions());
        services.AddSingleton(config.GetSection("Letters").Get<RightsDesk.Application.Letters.LetterOptions>() ?? new RightsDesk.Application.Letters.LetterOptions());
        services.AddSingleton(config.GetSection("Incidents:Attachments").Get<RightsDesk.Application.Defenders.Incidents.IncidentAttachmentOptions>() ?? new RightsDesk.Application.Defenders.Incidents.IncidentAttachmentOptions());
        services.AddSingleton<SmtpNoticeSender>();
        services.AddHttpClient<WebhookSender>(c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IOutboxTransport>(sp => sp.GetRequiredService<SmtpNoticeSender>());
        services.AddTransient<IOutboxTransport>(sp => sp.GetRequiredService<WebhookSender>());
        services.AddSingleton(new DeadlineOptions { PublicBaseUrl = Uri.TryCreate(config["RightsDesk:PublicBaseUrl"] ?? config["Portal:BaseUrl"], UriKind.Absolute, out var publicUrl) ? publicUrl : null });
        if (config.GetValue("Notices:Worker:Enabled", true))
        {
            services.AddHostedService<OutboxWorker>();
        }

        if (config.GetValue("Impact:Worker:Enabled", true))
        {
            services.AddHostedService<Impact.BenchmarkWorker>();
        }

        services.AddLedger(config);

        builder.AddRightsDeskAccounts(dataDir);
        services.AddAuthorization(o =>
        {
            PermissionPolicies.Register(o);
            AccountSetup.RegisterPolicies(o);
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<Problems.ExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new Core.CountryCodeJsonConverter());
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(DemandUploads.ConfigureLimits);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        services.AddRightsDeskOpenApi();
        // Server-rendered pages: the staff desk, the authority portal and the public pages. Every page works without
        // JavaScript; Razor Pages validate the antiforgery token on every form post.
        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToFolder("/Public");
            o.Conventions.AuthorizeFolder("/Desk", AccountSetup.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Portal", AccountSetup.OfficialPolicy);
            o.Conventions.AuthorizeFolder("/Partner", AccountSetup.PartnerPolicy);
            // The researcher tier of the published originals: a staff account's session, and each page names its permission.
            o.Conventions.AuthorizeFolder("/Research", AccountSetup.StaffPolicy);
        });
        services.AddPublicPages();
        // Configurable so a busy operator (or a benchmark on loopback, where every report comes from one address) can set them.
        services.AddSingleton(config.GetSection("Incidents:Guard").Get<Defenders.IncidentGuardOptions>() ?? new Defenders.IncidentGuardOptions());
        services.AddSingleton<Defenders.IncidentGuard>();
        services.AddSingleton<IllegalContentNotices.NoticeFormGuard>();
        services.AddScoped<IllegalContentNotices.TrustedFlaggerRegistry>();
        services.AddRightsDeskProxy(config);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Anonymous callers are limited by address, signed-in callers by who they are. The address is the client's,
            // not a proxy's, once UseRightsDeskProxy has applied a known proxy's X-Forwarded-For.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var user = http.User.Identity?.IsAuthenticated == true ? "u:" + http.User.Identity.Name : null;
                var key = user ?? "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                var limit = user is null ? config.GetValue("RateLimits:AnonymousPerMinute", 60) : config.GetValue("RateLimits:AuthenticatedPerMinute", 1200);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            // Password guessing is slowed per address on top of the per-account lockout.
            o.AddPolicy(AccountSetup.SignInRateLimit, http => HttpMethods.IsGet(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("signin:read")
                : RateLimitPartition.GetFixedWindowLimiter(
                "signin:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("RateLimits:SignInPerMinute", 10), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // The ledger's public endpoints (heads, proofs, checkpoint) are open to anyone; an anonymous caller gets
            // a smaller budget of its own there, so a crawler of proofs does not use up the address's whole minute.
            o.AddPolicy(LedgerApi.PublicRateLimit, http => http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("ledger:signed-in")
                : RateLimitPartition.GetFixedWindowLimiter(
                "ledger:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("RateLimits:LedgerPublicPerMinute", 30), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    public static void UseRightsDesk(this WebApplication app)
    {
        if (app.Configuration.GetValue("Database:Migrate", true))
        {
            using var scope = app.Services.CreateScope();
            DataServices.MigrateAsync(scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>()).GetAwaiter().GetResult();
            AccountSetup.EnsureRolesAsync(scope.ServiceProvider).GetAwaiter().GetResult();
        }

        // Fail at start-up, with the file named, rather than at the first demand.
        _ = app.Services.GetRequiredService<PolicyProvider>().Current;
        _ = app.Services.GetRequiredService<FieldCipher>();
        app.Services.GetRequiredService<LedgerCheckpointOptions>().Validate();

        app.UseRightsDeskProxy();
        app.UseRightsDeskErrors();
        app.UseProblemMediaType();
        app.UseSecurityHeaders();
        // Static files (CSS, images) are the same for everyone and carry no case data.
        app.UseStaticFiles();
        // Routing after the error pages, so a re-executed /error/{code} is routed to its page like any request.
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/health", (PolicyProvider policy, LedgerHealth ledger) => TypedResults.Ok(HealthView.Of(policy.Current.Version, ledger.Current)))
            .AllowAnonymous().WithTags("Health")
            .WithSummary("Liveness, the policy version, and whether the stored ledger extends the last signed tree head.");

        var api = app.MapGroup("/api/v1");
        api.MapDemandsApi();
        api.MapAtRiskApi();
        Partners.PartnersApi.MapPartnersApi(api);
        api.MapModerationApi();
        Appeals.AppealsApi.MapAppealsApi(api);
        Disputes.DisputesApi.MapDisputesApi(api);
        Misuse.MisuseApi.MapMisuseApi(api);
        IllegalContentNotices.IllegalContentNoticesApi.MapIllegalContentNoticesApi(api);
        api.MapNoticesApi();
        api.MapLedgerApi();
        api.MapImpactApi();
        Pushback.PushbackApi.MapPushbackApi(api);

        app.MapRazorPages();
        Transparency.TransparencyFiles.MapTransparencyFiles(app);
        Pushback.PushbackApi.MapPublicPushback(app);
        Transparency.RdrApi.MapPublicRdr(app);
        Impact.PublicImpactApi.MapPublicImpact(app);
        app.MapRobots();
        app.MapNotFoundFallback();
    }
}
