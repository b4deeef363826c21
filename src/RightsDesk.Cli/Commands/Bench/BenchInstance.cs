using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RightsDesk.Data;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Cli.Commands.Bench;

/// <summary>
/// Where a benchmark's data lives: a temporary directory (the SQLite files, the key file) and, with PostgreSQL,
/// databases of its own made on the given server, all removed when the benchmark ends unless a directory was given.
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    private readonly List<string> _postgresDatabases = [];
    private readonly bool _keep;

    private BenchStore(string directory, string? postgres, bool keep) => (Directory, Postgres, _keep) = (directory, postgres, keep);

    public string Directory { get; }

    /// <summary>The server to make databases on, or null for SQLite files.</summary>
    public string? Postgres { get; }

    public static BenchStore Create(string? keepIn, string? postgres)
    {
        var dir = keepIn is null
            ? System.IO.Directory.CreateTempSubdirectory("rightsdesk-bench-").FullName
            : System.IO.Directory.CreateDirectory(Path.GetFullPath(keepIn)).FullName;
        return new BenchStore(dir, postgres, keepIn is not null);
    }

    /// <summary>A fresh, empty database named after <paramref name="purpose"/> on this store's engine.</summary>
    public async Task<DatabaseOptions> NewDatabaseAsync(string purpose, CancellationToken ct)
    {
        if (Postgres is null)
        {
            return new DatabaseOptions { Engine = DatabaseEngine.Sqlite, ConnectionString = $"Data Source={Path.Combine(Directory, purpose + ".db")}" };
        }

        // A database name cannot be a parameter; this one is made only of our own letters and random hex digits.
        var name = "rightsdesk_bench_" + purpose + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        await using (var connection = new NpgsqlConnection(Postgres))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand("CREATE DATABASE " + name, connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        _postgresDatabases.Add(name);
        var builder = new NpgsqlConnectionStringBuilder(Postgres) { Database = name };
        return new DatabaseOptions { Engine = DatabaseEngine.Postgres, ConnectionString = builder.ConnectionString };
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (Postgres is not null && !_keep)
        {
            await using var connection = new NpgsqlConnection(Postgres);
            await connection.OpenAsync();
            foreach (var name in _postgresDatabases)
            {
                await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        if (!_keep)
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

/// <summary>
/// The web app as `serve` runs it, on Kestrel on a free loopback port, over a fresh database, with a platform token
/// made the way an operator makes one (<see cref="ApiTokenService.CreateForMachineAsync"/>).
/// </summary>
public sealed class BenchInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchInstance(WebApplication app, Uri url, string token, DatabaseOptions database) => (_app, Url, Token, Database) = (app, url, token, database);

    public Uri Url { get; }
    public string Token { get; }
    public DatabaseOptions Database { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="settings">More configuration as command-line pairs, for what a benchmark must lift (a limit that
    /// would cap the figure it measures).</param>
    public static async Task<BenchInstance> StartAsync(BenchStore store, string? policyDirectory, CancellationToken ct, IReadOnlyList<string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var database = await store.NewDatabaseAsync("ingest", ct);
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0",
            // A file watcher on the working directory (recursive, as the default reload sets up) costs seconds in a large one.
            "--hostBuilder:reloadConfigOnChange", "false",
            "--RightsDesk:DataDirectory", store.Directory,
            "--Database:Engine", database.Engine == DatabaseEngine.Postgres ? "postgres" : "sqlite",
            "--Database:ConnectionString", database.ConnectionString,
            // Nothing the ingest does goes through the outbox; a worker polling it would only add noise.
            "--Notices:Worker:Enabled", "false",
            // One platform token sends every batch: the per-identity limit a real desk sets would cap the figure it measures.
            "--RateLimits:AuthenticatedPerMinute", "100000000",
        };
        if (policyDirectory is not null)
        {
            args.AddRange(["--RightsDesk:PolicyDirectory", policyDirectory]);
        }

        args.AddRange(settings ?? []);

        var app = RightsDeskWeb.Build([.. args], b =>
        {
            // Stdout carries the figures only; what the host has to say (warnings and errors) goes to stderr.
            b.Logging.ClearProviders();
            b.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var scope = app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateForMachineAsync("bench-ingest", TimeSpan.FromDays(1), CliStore.Operator.LedgerName, ct);
        return new BenchInstance(app, new Uri(address, UriKind.Absolute), issued.Secret, database);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
