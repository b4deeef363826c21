using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Web.Security;

namespace RightsDesk.Integration.Tests.Support;

/// <summary>
/// The real web host on a real database: a fresh SQLite file, or a fresh database on the PostgreSQL server that
/// test.sh starts. A controllable clock, a real SMTP listener and a webhook receiver on loopback.
/// </summary>
public abstract class DeskApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string WebhookSecret = "test-webhook-secret-0123456789abcdefghij";
    private readonly Dictionary<string, string> _tokens = [];
    private readonly Dictionary<string, string> _secrets = [];

    protected DeskApp(DatabaseEngine engine, bool captureLogs = false)
    {
        Engine = engine;
        Logs = captureLogs ? new LogCapture() : null;
        Directory.CreateDirectory(Dir);
    }

    public DatabaseEngine Engine { get; }

    /// <summary>Every log entry of the host at Trace, when the fixture asked for it (see <see cref="LogCapture"/>).</summary>
    public LogCapture? Logs { get; }
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "rightsdesk-tests", Guid.NewGuid().ToString("N"));
    public string SqlitePath => Path.Combine(Dir, "rightsdesk.db");
    public string ConnectorRoot => Path.Combine(Dir, "connector");
    public string KeyFile => Path.Combine(Dir, "keys.json");
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero));
    public SmtpListener Smtp { get; } = new();
    public WebhookReceiver Webhook { get; } = new();
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Engine == DatabaseEngine.Postgres)
        {
            var admin = Environment.GetEnvironmentVariable("RIGHTSDESK_TEST_POSTGRES")
                ?? throw new InvalidOperationException("RIGHTSDESK_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");
            var name = "rd_" + Guid.NewGuid().ToString("N")[..12];
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
                await cmd.ExecuteNonQueryAsync();
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={SqlitePath};Pooling=False";
        }

        await PrepareDatabaseAsync();

        // Build the host (runs the migrations) before the first test uses it.
        _ = Services;
        foreach (var role in Roles.TokenRoles)
        {
            await TokenFor(role);
        }
    }

    /// <summary>Runs on the fresh, empty database (and data directory) before the host migrates it: where a fixture
    /// puts an older release's data.</summary>
    protected virtual Task PrepareDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Engine", Engine == DatabaseEngine.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("RightsDesk:DataDirectory", Dir);
        // A copy: the desk can edit policy files, and a test must never change the checkout's.
        builder.UseSetting("RightsDesk:PolicyDirectory", CopyPolicy());
        builder.UseSetting("Notices:Worker:Enabled", "false");
        builder.UseSetting("Impact:Worker:Enabled", "false");
        builder.UseSetting("Ledger:Worker:Enabled", "false");
        builder.UseSetting("Notices:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notices:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notices:Smtp:Security", "none");
        builder.UseSetting("Notices:Smtp:From", "legal@example.org");
        builder.UseSetting("Notices:Webhook:Url", Webhook.Url.ToString());
        builder.UseSetting("Notices:Webhook:Secret", WebhookSecret);
        builder.UseSetting("Notices:Outbox:MaxAttempts", "3");
        builder.UseSetting("RateLimits:AuthenticatedPerMinute", "100000");
        builder.UseSetting("RateLimits:AnonymousPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:LedgerPublicPerMinute", "100000");
        builder.UseSetting("Portal:RegistrationsPerAddress", "100000");
        builder.UseSetting("Portal:RegistrationsPerDomain", "100000");
        // The console gets warnings and errors only: a request's worth of Information lines per call slows the
        // larger suites (the authorisation matrix makes about a thousand calls) and buries what failed.
        builder.ConfigureLogging(l => Microsoft.Extensions.Logging.FilterLoggingBuilderExtensions.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(l, null, Microsoft.Extensions.Logging.LogLevel.Warning));
        if (Logs is { } logs)
        {
            builder.ConfigureLogging(logs.AddTo);
        }

        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
    }

    private string CopyPolicy()
    {
        var source = Path.Combine(TestRepo.Root, "policy");
        var target = Path.Combine(Dir, "policy");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }

        return target;
    }

    /// <summary>
    /// An API client with a token of the given role. Each name is one actor: a platform system for the platform role,
    /// otherwise a staff person of that role (distinct names are distinct people), whose approvals carry a fresh
    /// authenticator code in X-Step-Up-Code as a real client's would.
    /// </summary>
    public async Task<HttpClient> ClientFor(string role, string? name = null)
    {
        name ??= role;
        var token = await TokenFor(role, name);
        var client = role == Roles.Platform ? CreateClient() : CreateDefaultClient(new StepUpCodes(() => StepUpCode(name)));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenFor(string role, string? name = null)
    {
        name ??= role;
        if (_tokens.TryGetValue(name, out var t))
        {
            return t;
        }

        await using var scope = Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        var issued = role == Roles.Platform
            ? await tokens.CreateForMachineAsync(name, TimeSpan.FromDays(366), "test", default)
            : await tokens.CreateForPersonAsync(name, await PersonAsync(scope.ServiceProvider, role, name), TimeSpan.FromDays(366), "test", default);
        _tokens[name] = issued.Secret;
        return issued.Secret;
    }

    /// <summary>The e-mail address of the test person behind a name's token.</summary>
    public static string PersonEmail(string name) => $"{name}@people.test.example";

    /// <summary>The current authenticator code of the person behind a name's token.</summary>
    /// <remarks>Each code is good once, so this first moves the clock to the next 30-second step, as a person waits
    /// for the next code in their app.</remarks>
    public string StepUpCode(string name)
    {
        Clock.Advance(TimeSpan.FromSeconds(30));
        return new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(_secrets[name])).ComputeTotp(Clock.GetUtcNow().UtcDateTime);
    }

    private async Task<string> PersonAsync(IServiceProvider sp, string role, string name)
    {
        var accounts = sp.GetRequiredService<Web.Accounts.AccountService>();
        var link = await accounts.CreateStaffAsync(PersonEmail(name), role, name, "test", default);
        _secrets[name] = await accounts.AuthenticatorSecretAsync(link.User);
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Accounts.DeskUser>>();
        // API-only people: an authenticator for step-up, no password (they never sign in to the desk).
        var user = (await users.FindByIdAsync(link.User.Id))!;
        user.EnrolledAt = Clock.GetUtcNow();
        user.TwoFactorEnabled = true;
        user.EnrolmentHash = null;
        await users.UpdateAsync(user);
        return PersonEmail(name);
    }

    /// <summary>Adds the approver's current code to approvals, the way a client built for the API does.</summary>
    private sealed class StepUpCodes(Func<string> code) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("/approvals", StringComparison.Ordinal) == true
                && !request.Headers.Contains(Web.Demands.DemandsApi.StepUpHeader))
            {
                request.Headers.Add(Web.Demands.DemandsApi.StepUpHeader, code());
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    public async Task InScope(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await Webhook.DisposeAsync();
        await DisposeAsync();
    }
}

public sealed class SqliteDeskApp() : DeskApp(DatabaseEngine.Sqlite);

public sealed class PostgresDeskApp() : DeskApp(DatabaseEngine.Postgres);

/// <summary>A host whose every log entry is captured (Trace, all categories): for tests that scan the logs for secrets.</summary>
public sealed class SqliteLoggedDeskApp() : DeskApp(DatabaseEngine.Sqlite, captureLogs: true);

public sealed class PostgresLoggedDeskApp() : DeskApp(DatabaseEngine.Postgres, captureLogs: true);

public static class TestRepo
{
    public static readonly string Root = Find();

    /// <summary>
    /// A worked example as a desk would receive it outside the portal: "portal" is recorded only by the portal, so the
    /// example arrives by e-mail, and where it says the requester was verified it carries the call-back that staff
    /// recorded (a claim alone does not count). <see cref="RawExample"/> is the file as it is.
    /// </summary>
    public static string Example(string name)
    {
        var demand = System.Text.Json.Nodes.JsonNode.Parse(RawExample(name))!.AsObject();
        if ((string?)demand["channel"] == "portal")
        {
            demand["channel"] = "email";
        }

        var authority = demand["authority"]!.AsObject();
        if (authority["verified"]?.GetValue<bool>() == true)
        {
            authority["verification"] = new System.Text.Json.Nodes.JsonObject
            {
                ["calledNumber"] = "+1 202 555 0100", ["numberSource"] = "the authority's published switchboard", ["spokeWith"] = "the duty officer",
            };
        }

        return demand.ToJsonString();
    }

    public static string RawExample(string name) => File.ReadAllText(Path.Combine(Root, "policy", "examples", name + ".demand.json"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RightsDesk.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the tests from inside the checkout.");
    }
}
