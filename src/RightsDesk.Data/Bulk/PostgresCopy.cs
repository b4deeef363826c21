using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace RightsDesk.Data.Bulk;

/// <summary>
/// Inserts new rows of one entity type on PostgreSQL with one binary COPY, on the context's connection and inside the
/// transaction the caller holds. The columns, and each value through its mapping's value converter, are EF Core's
/// own, as in <see cref="PreparedInsert"/>; each value is written as its column's type by name, so a value of another
/// type is refused by the server rather than stored differently. A refusal (a unique index, a foreign key) surfaces as
/// the <see cref="DbUpdateException"/> SaveChanges throws, and the transaction is then aborted, as it is after a
/// failed SaveChanges. The rows are not tracked afterwards.
/// </summary>
public static class PostgresCopy
{
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A COPY runs inside the caller's transaction.");
        var connection = transaction.Connection as NpgsqlConnection
            ?? throw new InvalidOperationException("COPY is PostgreSQL's: this context is on another engine.");
        var (table, columns) = PreparedInsert.Columns(db, typeof(T));
        var sql = db.GetService<ISqlGenerationHelper>();
        var copy = $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ("
            + string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
            + ") FROM STDIN (FORMAT BINARY)";
        // The type name without its facets (character varying, not character varying(64)): the length is the
        // column's to check, as it checks an INSERT's.
        var types = columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        try
        {
            await using var writer = await connection.BeginBinaryImportAsync(copy, ct);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                for (var i = 0; i < columns.Count; i++)
                {
                    if (columns[i].ValueOf(row) is { } value)
                    {
                        await writer.WriteAsync(value, types[i], ct);
                    }
                    else
                    {
                        await writer.WriteNullAsync(ct);
                    }
                }
            }

            await writer.CompleteAsync(ct);
        }
        catch (PostgresException ex)
        {
            throw new DbUpdateException($"Copying into {table.Name} failed.", ex);
        }
    }
}
