using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace RightsDesk.Data.Bulk;

/// <summary>
/// Inserts new rows of one entity type with one prepared INSERT reused for every row, on the context's connection and
/// inside the transaction the caller holds. The columns and values are EF Core's own (each parameter made by the
/// property's type mapping, so value converters apply exactly as SaveChanges applies them); what is skipped is EF's
/// per-entity bookkeeping and, on SQLite, the parsing of one statement per row that a SaveChanges batch costs. Keys
/// the store generates (an identity column) are left to it. The rows are not tracked afterwards.
/// </summary>
public static class PreparedInsert
{
    public static async Task InsertAsync<T>(DbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A prepared insert runs inside the caller's transaction.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty() && !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .Select(p => (Getter: p.GetGetter(), Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.IsNullable))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ("
            + string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))
            + ") VALUES (" + string.Join(", ", names) + ")";
        // One parameter per column, made once by the column's type mapping and given each row's value (through the
        // mapping's value converter, as CreateParameter does): no parameter objects made per row.
        var parameters = new DbParameter[columns.Count];
        var prepared = false;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var (getter, _, mapping, nullable) = columns[i];
                var value = getter.GetClrValue(row);
                if (parameters[i] is { } parameter)
                {
                    parameter.Value = (value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                }
                else
                {
                    parameters[i] = mapping.CreateParameter(command, names[i], value, nullable);
                    command.Parameters.Add(parameters[i]);
                }
            }

            if (!prepared)
            {
                await command.PrepareAsync(ct);
                prepared = true;
            }

            try
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (DbException ex)
            {
                // What SaveChanges would have thrown, so a caller that answers a unique index's refusal (two requests
                // storing one puid at once) catches the same exception whichever path saved.
                throw new DbUpdateException($"Inserting into {table.Name} failed.", ex);
            }
        }
    }
}
