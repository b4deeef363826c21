using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace RightsDesk.Data;

/// <summary>
/// Which database to use. SQLite (a file under ./data/) is the embedded default; PostgreSQL is chosen by giving a
/// connection string with <c>Database:Engine=postgres</c>. There is no silent fallback from one to the other.
/// </summary>
public sealed class DatabaseOptions
{
    public DatabaseEngine Engine { get; set; } = DatabaseEngine.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/rightsdesk.db";

    public static DatabaseEngine ParseEngine(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseEngine.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseEngine.Postgres,
        _ => throw new InvalidOperationException($"Database engine '{text}' is not supported; use sqlite or postgres."),
    };
}

public static class DataServices
{
    public static IServiceCollection AddRightsDeskData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        if (options.Engine == DatabaseEngine.Postgres)
        {
            services.AddDbContext<PostgresRightsDeskDbContext>(o => ConfigurePostgres(o, options.ConnectionString));
            services.AddScoped<RightsDeskDbContext>(sp => sp.GetRequiredService<PostgresRightsDeskDbContext>());
        }
        else
        {
            EnsureSqliteDirectory(options.ConnectionString);
            services.AddDbContext<SqliteRightsDeskDbContext>(o => ConfigureSqlite(o, options.ConnectionString));
            services.AddScoped<RightsDeskDbContext>(sp => sp.GetRequiredService<SqliteRightsDeskDbContext>());
        }

        return services;
    }

    /// <summary>A context outside dependency injection, for CLI commands and tests.</summary>
    public static RightsDeskDbContext CreateContext(DatabaseOptions options)
    {
        if (options.Engine == DatabaseEngine.Postgres)
        {
            var b = new DbContextOptionsBuilder<PostgresRightsDeskDbContext>();
            ConfigurePostgres(b, options.ConnectionString);
            return new PostgresRightsDeskDbContext(b.Options);
        }

        EnsureSqliteDirectory(options.ConnectionString);
        var s = new DbContextOptionsBuilder<SqliteRightsDeskDbContext>();
        ConfigureSqlite(s, options.ConnectionString);
        return new SqliteRightsDeskDbContext(s.Options);
    }

    public static async Task MigrateAsync(RightsDeskDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(ct);
        if (db.Engine == DatabaseEngine.Sqlite)
        {
            await db.Database.ExecuteSqlAsync($"PRAGMA journal_mode=WAL;", ct);
        }
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string cs) =>
        o.UseSqlite(cs, x => x.MigrationsAssembly(typeof(DataServices).Assembly.FullName));

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string cs) =>
        o.UseNpgsql(cs, x => x.MigrationsAssembly(typeof(DataServices).Assembly.FullName));

    private static void EnsureSqliteDirectory(string cs)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }
        }
    }
}

/// <summary>Used only by `dotnet ef migrations add` to build the SQLite model.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRightsDeskDbContext>
{
    public SqliteRightsDeskDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteRightsDeskDbContext>();
        DataServices.ConfigureSqlite(b, "Data Source=design-time.db");
        return new SqliteRightsDeskDbContext(b.Options);
    }
}

/// <summary>Used only by `dotnet ef migrations add` to build the PostgreSQL model; it does not connect.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRightsDeskDbContext>
{
    public PostgresRightsDeskDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgresRightsDeskDbContext>();
        DataServices.ConfigurePostgres(b, "Host=localhost;Database=design_time");
        return new PostgresRightsDeskDbContext(b.Options);
    }
}
