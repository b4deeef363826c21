using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>
/// Encryption at rest, checked from the outside: after a full pass of sensitive input through the API, none of it may
/// be readable in what a stolen disk, backup or database dump would hold. SQLite: the raw bytes of the database file
/// and of its -wal, -shm and -journal files (free pages and the write-ahead log included). PostgreSQL: every column of
/// every table, as text, with byte columns also read as escaped text and searched in hex. Files the app writes under
/// its data directory are scanned too. Each value is searched as UTF-8, UTF-16LE and base64 of its UTF-8.
/// </summary>
public abstract class PlaintextScanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [Fact]
    public async Task No_sensitive_input_is_stored_in_plaintext()
    {
        var flow = new SensitiveFlow(app);
        await flow.RunAsync();

        // A staff account: the password is stored only as a PBKDF2 hash and the authenticator secret sealed.
        var person = await PageSession.CreatePersonAsync(app, $"scan-{Guid.NewGuid():N}"[..20] + "@staff.example.org", Core.Security.Roles.Approver);
        flow.Values.Add("staff password", person.Password);
        flow.Values.Add("TOTP secret", person.TotpSecret);
        var values = flow.Values.All;
        var hits = new List<string>();
        var controls = flow.ClearByDesign.All;
        var found = new List<string>();

        if (app.Engine == DatabaseEngine.Sqlite)
        {
            var files = Directory.GetFiles(app.Dir).Where(f => Path.GetFileName(f).StartsWith("rightsdesk.db", StringComparison.Ordinal)).ToList();
            Assert.Contains(app.SqlitePath, files);
            foreach (var file in files)
            {
                var bytes = await ReadShared(file);
                hits.AddRange(PlaintextScanner.ScanBytes(Path.GetFileName(file), bytes, values));
                found.AddRange(PlaintextScanner.ScanBytes(Path.GetFileName(file), bytes, controls));
            }

            // Checkpoint the write-ahead log into the main file and scan again: what the WAL held now lives in pages.
            await using (var conn = new SqliteConnection(app.ConnectionString))
            {
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await cmd.ExecuteNonQueryAsync();
            }

            var checkpointed = await ReadShared(app.SqlitePath);
            hits.AddRange(PlaintextScanner.ScanBytes("rightsdesk.db after checkpoint", checkpointed, values));
            Assert.NotEmpty(PlaintextScanner.ScanBytes("rightsdesk.db after checkpoint", checkpointed, controls));
        }
        else
        {
            hits.AddRange(await PlaintextScanner.ScanPostgres(app.ConnectionString, values));
            found.AddRange(await PlaintextScanner.ScanPostgres(app.ConnectionString, controls));
        }

        // The control: a value kept in clear by design must be found, or the scan reads nothing it claims to.
        Assert.True(found.Count > 0, "The scan did not find the authority name, which is stored in clear by design: it is not reading the store.");

        hits.AddRange(await ScanDataDirectory(values));
        Assert.True(hits.Count == 0, "Sensitive input found in plaintext at rest:\n" + string.Join("\n", hits));
    }

    /// <summary>
    /// Every file under the data directory except the database (scanned above) and the platform's own exports that the
    /// test placed in the connector folder. The connector's preservation requests are instructions to the platform
    /// and must name the account to freeze; they may hold the target's identifier and nothing else from the case.
    /// </summary>
    private async Task<List<string>> ScanDataDirectory(IReadOnlyDictionary<string, string> values)
    {
        var hits = new List<string>();
        var exports = Path.Combine(app.ConnectorRoot, "account");
        var preservations = Path.Combine(app.ConnectorRoot, "preservations");
        foreach (var file in Directory.EnumerateFiles(app.Dir, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(app.Dir, file);
            if (Path.GetFileName(file).StartsWith("rightsdesk.db", StringComparison.Ordinal))
            {
                continue;
            }

            if (file.StartsWith(exports + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                // The platform's exports hold its data in clear, which also shows that the byte scan finds plaintext.
                if (Path.GetFileName(file) == "subscriberInfo.json" && name.Contains(values["target-id"], StringComparison.Ordinal))
                {
                    Assert.NotEmpty(PlaintextScanner.ScanBytes(name, await ReadShared(file), values));
                }

                continue;
            }

            var allowed = file.StartsWith(preservations + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                ? values.Where(v => !v.Key.StartsWith("target-id", StringComparison.Ordinal)).ToDictionary()
                : values;
            hits.AddRange(PlaintextScanner.ScanBytes(name, await ReadShared(file), allowed));

            // File and folder names are data too.
            hits.AddRange(values.Where(v => name.Contains(v.Value, StringComparison.Ordinal)).Select(v => $"{v.Key} in the file name {name}"));
        }

        return hits;
    }

    private static async Task<byte[]> ReadShared(string path)
    {
        await using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var m = new MemoryStream();
        await s.CopyToAsync(m);
        return m.ToArray();
    }
}

public sealed class SqlitePlaintextScanTests(SqliteDeskApp app) : PlaintextScanTests<SqliteDeskApp>(app);

public sealed class PostgresPlaintextScanTests(PostgresDeskApp app) : PlaintextScanTests<PostgresDeskApp>(app);

/// <summary>Searches stored bytes and database rows for known values in the encodings a store could keep them in.</summary>
public static class PlaintextScanner
{
    /// <summary>The byte patterns of a value: UTF-8, UTF-16LE, and the stable middle of its base64 at each alignment.</summary>
    public static IEnumerable<(string Encoding, byte[] Pattern)> Patterns(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        yield return ("UTF-8", utf8);
        yield return ("UTF-16LE", Encoding.Unicode.GetBytes(value));
        foreach (var b64 in Base64Fragments(utf8))
        {
            yield return ("base64", Encoding.ASCII.GetBytes(b64));
        }
    }

    /// <summary>
    /// Base64 of the value as it would appear inside a longer base64 text, for each of the three alignments: the
    /// characters that depend only on the value's own bytes.
    /// </summary>
    public static IEnumerable<string> Base64Fragments(byte[] value)
    {
        for (var offset = 0; offset < 3; offset++)
        {
            var padded = new byte[offset + value.Length];
            value.CopyTo(padded, offset);
            var text = Convert.ToBase64String(padded);
            var skip = offset == 0 ? 0 : (offset * 4 + 2) / 3 + 1;
            var usable = (offset + value.Length) / 3 * 4;
            if (usable - skip > 12)
            {
                yield return text[skip..usable];
            }
        }
    }

    public static IEnumerable<string> ScanBytes(string where, byte[] data, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (label, value) in values)
        {
            foreach (var (encoding, pattern) in Patterns(value))
            {
                var at = data.AsSpan().IndexOf(pattern);
                if (at >= 0)
                {
                    yield return $"{label} ({encoding}) in {where} at byte {at}";
                }
            }
        }
    }

    /// <summary>
    /// Every row of every table outside the system schemas, as the row's text form (bytea shows as hex there), and
    /// every bytea column again as escaped text.
    /// </summary>
    public static async Task<List<string>> ScanPostgres(string connectionString, IReadOnlyDictionary<string, string> values)
    {
        var hits = new List<string>();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var tables = new List<(string Schema, string Table)>();
        await using (var cmd = new NpgsqlCommand("SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Contains(tables, t => t.Table == "demands");
        Assert.Contains(tables, t => t.Table == "at_risk_identifiers");
        var needles = values.SelectMany(v => Needles(v.Value).Select(n => (v.Key, n.Encoding, n.Text))).ToList();
        foreach (var (schema, table) in tables)
        {
            var name = $"\"{schema}\".\"{table}\"";
            var byteColumns = new List<string>();
            await using (var cmd = new NpgsqlCommand("SELECT column_name FROM information_schema.columns WHERE table_schema = @s AND table_name = @t AND data_type = 'bytea'", conn))
            {
                cmd.Parameters.AddWithValue("s", schema);
                cmd.Parameters.AddWithValue("t", table);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    byteColumns.Add(reader.GetString(0));
                }
            }

            var escaped = byteColumns.Select(c => $"coalesce(encode(t.\"{c}\", 'escape'), '')");
            var sql = $"SELECT t::text{string.Concat(escaped.Select(e => ", " + e))} FROM {name} t";
            await using (var cmd = new NpgsqlCommand(sql, conn))
            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                var rows = 0;
                while (await reader.ReadAsync())
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var text = reader.GetString(i);
                        foreach (var (label, encoding, needle) in needles)
                        {
                            if (text.Contains(needle, StringComparison.OrdinalIgnoreCase))
                            {
                                hits.Add($"{label} ({encoding}) in {name} row {rows}{(i == 0 ? "" : " column " + byteColumns[i - 1])}");
                            }
                        }
                    }
                }
            }
        }

        return hits;
    }

    /// <summary>The value in clear, and the hex of its UTF-8 and UTF-16LE bytes (how bytea prints), and its base64.</summary>
    private static IEnumerable<(string Encoding, string Text)> Needles(string value)
    {
        yield return ("text", value);
        yield return ("hex of UTF-8", Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value)));
        yield return ("hex of UTF-16LE", Convert.ToHexStringLower(Encoding.Unicode.GetBytes(value)));
        foreach (var b64 in Base64Fragments(Encoding.UTF8.GetBytes(value)))
        {
            yield return ("base64", b64);
        }
    }
}
