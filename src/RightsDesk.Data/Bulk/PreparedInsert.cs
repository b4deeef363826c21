using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        var (table, columns) = Columns(db, typeof(T));
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ("
            + string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
            + ") VALUES (" + string.Join(", ", names) + ")";
        if (transaction.Connection is SqliteConnection sqlite && Positional(columns))
        {
            InsertPositional(sqlite, insert, table.Name, columns, rows, ct);
            return;
        }

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = insert;
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

    /// <summary>Whether rows of <paramref name="type"/> are bound by position on SQLite: every column's stored type is
    /// one <see cref="SqliteStatement"/> writes as Microsoft.Data.Sqlite does.</summary>
    public static bool BindsByPosition(DbContext db, Type type)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsSqlite() && Positional(Columns(db, type).Columns);
    }

    private static bool Positional(List<Column> columns) =>
        columns.All(c => SqliteStatement.CanBind(c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType));

    internal sealed record Column(IClrPropertyGetter Getter, string Name, RelationalTypeMapping Mapping, bool IsNullable)
    {
        /// <summary>The row's value as the store takes it: through the mapping's value converter, as SaveChanges does.</summary>
        public object? ValueOf(object row) => Getter.GetClrValue(row) is { } value
            ? Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value
            : null;
    }

    internal static (StoreObjectIdentifier Table, List<Column> Columns) Columns(DbContext db, Type type)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty() && !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .Select(p => new Column(p.GetGetter(), p.GetColumnName(table)!, (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.IsNullable))
            .ToList();
        return (table, columns);
    }

    /// <summary>The same insert on SQLite with its values bound by position (<see cref="SqliteStatement"/>), each
    /// through its mapping's value converter as above. SQLite runs it in the connection's open transaction.</summary>
    private static void InsertPositional<T>(SqliteConnection connection, string insert, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        using var statement = new SqliteStatement(connection, insert);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < columns.Count; i++)
            {
                statement.Bind(i + 1, columns[i].ValueOf(row));
            }

            try
            {
                statement.Execute();
            }
            catch (SqliteException ex)
            {
                throw new DbUpdateException($"Inserting into {table} failed.", ex);
            }
        }
    }
}
