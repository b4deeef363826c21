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

    /// <summary>An API client signed in with a token of the given role (one token, one actor, per role).</summary>
    public async Task<HttpClient> ClientFor(string role, string? name = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenFor(role, name));
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
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(name, role, TimeSpan.FromDays(366), "test", default);
        _tokens[name] = issued.Secret;
        return issued.Secret;
    }

    public async Task InScope(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
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

    public static string Example(string name) => File.ReadAllText(Path.Combine(Root, "policy", "examples", name + ".demand.json"));

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
