using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace RightsDesk.Data.Bulk;

/// <summary>
/// One prepared SQLite statement whose parameters are bound by position. Microsoft.Data.Sqlite binds every parameter
/// of every execution by name: SQLite finds a name by walking the statement's list of names, so a row of forty
/// columns costs some eight hundred comparisons and forty UTF-8 copies of the names before its values are bound, and
/// that was half of what a thousand-row insert spent inside SQLite. Values are written as Microsoft.Data.Sqlite
/// writes them (text, integer, real, blob, null, and its text forms of a GUID, a day and a date and time), so a row stored
/// here reads back exactly as one SaveChanges stored; a test compares the two column by column. A value of any other
/// type is refused rather than guessed at.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private sqlite3_stmt? _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        _statement = statement;
    }

    private static readonly HashSet<Type> Bindable = [typeof(string), typeof(byte[]), typeof(long), typeof(int), typeof(bool), typeof(double), typeof(Guid), typeof(DateOnly), typeof(DateTime)];

    /// <summary>Whether values of <paramref name="providerType"/> (nullable or not) are written as Microsoft.Data.Sqlite
    /// writes them.</summary>
    public static bool CanBind(Type providerType) => Bindable.Contains(Nullable.GetUnderlyingType(providerType) ?? providerType);

    /// <summary>Binds <paramref name="value"/> (a provider value, after any value converter) to parameter
    /// <paramref name="position"/>, counted from 1.</summary>
    public void Bind(int position, object? value)
    {
        var s = _statement!;
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(s, position),
            string text => raw.sqlite3_bind_text(s, position, text),
            byte[] bytes => raw.sqlite3_bind_blob(s, position, bytes),
            long n => raw.sqlite3_bind_int64(s, position, n),
            int n => raw.sqlite3_bind_int64(s, position, n),
            bool b => raw.sqlite3_bind_int64(s, position, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(s, position, d),
            Guid g => raw.sqlite3_bind_text(s, position, g.ToString().ToUpperInvariant()),
            DateOnly day => raw.sqlite3_bind_text(s, position, day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            DateTime at => raw.sqlite3_bind_text(s, position, at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"A value of type {value.GetType().Name} has no positional binding; the caller uses Microsoft.Data.Sqlite's."),
        };
        SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }

    /// <summary>Runs the statement with the values bound, then makes it ready for the next row.</summary>
    /// <exception cref="SqliteException">as Microsoft.Data.Sqlite throws it (a unique index's refusal included).</exception>
    public void Execute()
    {
        var s = _statement!;
        var rc = raw.sqlite3_step(s);
        // Reset before reporting: the statement stays usable, and sqlite3_reset repeats the step's error code.
        raw.sqlite3_reset(s);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }

    public void Dispose()
    {
        _statement?.Dispose();
        _statement = null;
    }
}
