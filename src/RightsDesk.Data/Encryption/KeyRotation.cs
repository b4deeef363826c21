using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace RightsDesk.Data.Encryption;

/// <summary>A table whose rows carry a wrapped data key: its name, and its table and columns quoted for SQL.</summary>
public sealed record WrappedKeyTable(string Name, string Table, string KeyColumn, string WrappedColumn);

/// <summary>What re-wrapping did to one table: re-wrapped, could not be opened with any key in the ring, or changed
/// by someone else between reading and writing (left for the next pass).</summary>
public sealed record RewrapCount(string Table, long Rewrapped, long Unreadable, long Changed);

/// <summary>How many data keys of a table are wrapped under one KEK.</summary>
public sealed record WrappedUnderCount(string Table, string KeyId, long Count);

/// <summary>
/// Re-wraps per-record data keys under the current KEK of <see cref="FieldCipher"/>'s ring, in batches of short
/// transactions, so app nodes keep working meanwhile. Only the small wrapped key changes: the sealed fields stay as
/// they are, since the data key inside is the same.
/// </summary>
/// <remarks>
/// The tables are found from the model (every entity with a <c>WrappedKey</c> property), so a table added later is
/// rotated without touching this class. Each row is updated only if its wrapped key is still the one read
/// (compare-and-set), so a concurrent change is never overwritten; it is counted and left for the next pass.
/// </remarks>
public sealed class KeyRotation(RightsDeskDbContext db, FieldCipher cipher, int batchSize = 500)
{
    public const string WrappedKeyProperty = "WrappedKey";

    public static IReadOnlyList<WrappedKeyTable> Tables(RightsDeskDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = new List<WrappedKeyTable>();
        foreach (var entity in db.Model.GetEntityTypes().OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            if (entity.FindProperty(WrappedKeyProperty) is not { } wrapped || entity.GetTableName() is not { } table)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var key = entity.FindPrimaryKey()?.Properties is [var single] ? single : throw new InvalidOperationException($"Table {table} needs a single-column key to be rotated.");
            tables.Add(new WrappedKeyTable(
                table,
                sql.DelimitIdentifier(table, entity.GetSchema()),
                sql.DelimitIdentifier(key.GetColumnName(store)!),
                sql.DelimitIdentifier(wrapped.GetColumnName(store)!)));
        }

        return tables;
    }

    /// <summary>Re-wraps every data key that is not under the current KEK.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "The table and column names come from the EF model (every table with a WrappedKey column), not from input, and cannot be parameters; the values are {0}-{2} parameters.")]
    public async Task<IReadOnlyList<RewrapCount>> RewrapAsync(CancellationToken ct)
    {
        var current = cipher.Ring.CurrentId;
        var counts = new List<RewrapCount>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var table in Tables(db))
            {
                long rewrapped = 0, unreadable = 0, changed = 0;
                var update = $"UPDATE {table.Table} SET {table.WrappedColumn} = {{0}} WHERE {table.KeyColumn} = {{1}} AND {table.WrappedColumn} = {{2}}";
                await foreach (var rows in Batches(table, ct))
                {
                    var stale = rows.Where(r => Under(r.Wrapped) != current).ToList();
                    if (stale.Count == 0)
                    {
                        continue;
                    }

                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    foreach (var (key, wrapped) in stale)
                    {
                        byte[] fresh;
                        try
                        {
                            fresh = cipher.Rewrap(wrapped);
                        }
                        catch (CryptographicException)
                        {
                            // Under a KEK no longer in the ring, or damaged: counted and reported, never guessed at.
                            unreadable++;
                            continue;
                        }

                        var written = await db.Database.ExecuteSqlRawAsync(update, [fresh, key, wrapped], ct);
                        if (written == 1)
                        {
                            rewrapped++;
                        }
                        else
                        {
                            changed++;
                        }
                    }

                    await tx.CommitAsync(ct);
                }

                counts.Add(new RewrapCount(table.Name, rewrapped, unreadable, changed));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        counts.Add(await RewrapAuthenticatorSecretsAsync(current, ct));
        return counts;
    }

    /// <summary>The name under which Identity keeps a person's TOTP secret (sealed, see SealedSecret).</summary>
    public const string AuthenticatorTable = "AspNetUserTokens";

    // Staff accounts are few: these are re-wrapped through EF, one short save per account.
    private async Task<RewrapCount> RewrapAuthenticatorSecretsAsync(string current, CancellationToken ct)
    {
        long rewrapped = 0, unreadable = 0;
        var tokens = await db.UserTokens.Where(t => t.Value != null && t.Value.StartsWith(SealedSecret.Prefix)).ToListAsync(ct);
        foreach (var token in tokens.Where(t => SealedSecret.WrappedUnder(t.Value!) != current))
        {
            try
            {
                token.Value = SealedSecret.Rewrap(cipher, token.Value!);
                await db.SaveChangesAsync(ct);
                rewrapped++;
            }
            catch (CryptographicException)
            {
                unreadable++;
            }
        }

        return new RewrapCount(AuthenticatorTable, rewrapped, unreadable, 0);
    }

    /// <summary>Data keys wrapped under any KEK but <paramref name="keyId"/>, by table and KEK.</summary>
    public async Task<IReadOnlyList<WrappedUnderCount>> CountNotUnderAsync(string keyId, CancellationToken ct)
    {
        var counts = new List<WrappedUnderCount>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var table in Tables(db))
            {
                var byKey = new SortedDictionary<string, long>(StringComparer.Ordinal);
                await foreach (var rows in Batches(table, ct))
                {
                    foreach (var (_, wrapped) in rows)
                    {
                        var under = Under(wrapped);
                        if (under != keyId)
                        {
                            byKey[under] = byKey.GetValueOrDefault(under) + 1;
                        }
                    }
                }

                counts.AddRange(byKey.Select(k => new WrappedUnderCount(table.Name, k.Key, k.Value)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var secrets = await db.UserTokens.Where(t => t.Value != null && t.Value.StartsWith(SealedSecret.Prefix)).Select(t => t.Value!).ToListAsync(ct);
        counts.AddRange(secrets.Select(SealedSecret.WrappedUnder).Where(k => k != keyId).GroupBy(k => k)
            .Select(g => new WrappedUnderCount(AuthenticatorTable, g.Key, g.LongCount())));

        return counts;
    }

    /// <summary>The table's (key, wrapped key) pairs in key order, a batch at a time (keyset paging, so a long
    /// table is never held open in one read).</summary>
    private async IAsyncEnumerable<List<(object Key, byte[] Wrapped)>> Batches(WrappedKeyTable table, [EnumeratorCancellation] CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        object? after = null;
        while (true)
        {
            var rows = new List<(object, byte[])>(batchSize);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT {table.KeyColumn}, {table.WrappedColumn} FROM {table.Table}"
                    + (after is null ? "" : $" WHERE {table.KeyColumn} > @after")
                    + $" ORDER BY {table.KeyColumn} LIMIT {batchSize}";
                if (after is not null)
                {
                    AddParameter(command, "@after", after);
                }

                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    rows.Add((reader.GetValue(0), (byte[])reader.GetValue(1)));
                }
            }

            if (rows.Count == 0)
            {
                yield break;
            }

            yield return rows;
            if (rows.Count < batchSize)
            {
                yield break;
            }

            after = rows[^1].Item1;
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Under(byte[] wrapped) =>
        wrapped.Length > 1 && wrapped[0] > 0 && wrapped.Length > wrapped[0] ? FieldCipher.WrappedUnder(wrapped) : "(malformed)";
}
