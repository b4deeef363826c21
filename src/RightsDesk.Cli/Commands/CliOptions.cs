using System.CommandLine;
using RightsDesk.Data;

namespace RightsDesk.Cli.Commands;

/// <summary>Options several commands share, defined once so they read the same everywhere.</summary>
public static class CliOptions
{
    public static Option<string?> Policy() => new("--policy")
    {
        Description = "The policy directory (default: $RIGHTSDESK_POLICY, else ./policy of the checkout).",
    };
}

/// <summary>Where a desk's database and key file are, resolved.</summary>
public sealed record StoreSettings(DatabaseOptions Database, string KeyFile);

/// <summary>
/// Where the desk keeps its data, for commands that open it directly rather than through the web host. Each option
/// falls back to the setting `serve` reads from the environment (Database__Engine, Database__ConnectionString,
/// RightsDesk__DataDirectory, RightsDesk__KeyFile), so a command run next to a server finds the same database.
/// </summary>
public sealed class StoreOptions
{
    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "The data directory (default: $RightsDesk__DataDirectory, else ./data): the SQLite file and keys.json live there.",
    };

    public Option<string?> Engine { get; } = new("--database-engine")
    {
        Description = "sqlite or postgres (default: $Database__Engine, else sqlite).",
    };

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = "The database connection string (default: $Database__ConnectionString, else the SQLite file in the data directory).",
    };

    public Option<string?> KeyFile { get; } = new("--key-file")
    {
        Description = "The key file (default: $RightsDesk__KeyFile, else keys.json in the data directory; $RIGHTSDESK_KEYS overrides any file).",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(DataDir);
        command.Options.Add(Engine);
        command.Options.Add(ConnectionString);
        command.Options.Add(KeyFile);
    }

    /// <exception cref="InvalidOperationException">with a message for the operator when the settings do not make a
    /// usable store (an unknown engine, PostgreSQL without a connection string, no SQLite file).</exception>
    public StoreSettings Resolve(ParseResult parse, bool mayCreate = false)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var dataDir = parse.GetValue(DataDir) ?? Environment.GetEnvironmentVariable("RightsDesk__DataDirectory") ?? "data";
        var engine = DatabaseOptions.ParseEngine(parse.GetValue(Engine) ?? Environment.GetEnvironmentVariable("Database__Engine"));
        var connection = parse.GetValue(ConnectionString) ?? Environment.GetEnvironmentVariable("Database__ConnectionString");
        if (connection is null)
        {
            if (engine == DatabaseEngine.Postgres)
            {
                throw new InvalidOperationException("PostgreSQL needs a connection string: give --connection-string or set Database__ConnectionString.");
            }

            connection = $"Data Source={Path.Combine(dataDir, "rightsdesk.db")}";
        }

        if (engine == DatabaseEngine.Sqlite && mayCreate)
        {
            Directory.CreateDirectory(Path.GetFullPath(dataDir));
        }
        else if (engine == DatabaseEngine.Sqlite)
        {
            // Opening a missing SQLite file would create an empty database and report on that instead.
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:" && !File.Exists(file))
            {
                throw new InvalidOperationException($"There is no database at {Path.GetFullPath(file)}: give --data-dir or --connection-string.");
            }
        }

        var keyFile = parse.GetValue(KeyFile) ?? Environment.GetEnvironmentVariable("RightsDesk__KeyFile") ?? Path.Combine(dataDir, "keys.json");
        return new StoreSettings(new DatabaseOptions { Engine = engine, ConnectionString = connection }, keyFile);
    }
}
