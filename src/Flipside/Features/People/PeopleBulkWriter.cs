using System.Data.Common;
using Flipside.Data;
using Flipside.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Flipside.Features.People;

/// <summary>
/// Inserts new people inside the import's open transaction. EF Core inserts row by row (about 70 µs a row on SQLite),
/// which made the write most of a 100,000-row import; this sends 500 rows a statement on SQLite and a binary COPY on
/// PostgreSQL. Columns, and the conversions of their values (status as text, a Guid as SQLite text, DateOnly), come
/// from the EF model, so rows written here read back through EF exactly as if EF had written them.
/// </summary>
public static class PeopleBulkWriter
{
    // 500 rows of 14 columns stay below SQLite's 32,766 parameters a statement.
    private const int RowsPerStatement = 500;

    public static async Task Insert(FlipsideDb db, IReadOnlyList<Person> people, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Insert people inside the import's transaction, so a failure writes nothing.");
        var table = StoreObjectIdentifier.Table(db.Model.FindEntityType(typeof(Person))!.GetTableName()!);
        var columns = db.Model.FindEntityType(typeof(Person))!.GetProperties()
            .Select(p => (Name: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping(), Get: p.GetGetter())).ToList();
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        object? Value(int column, Person p) =>
            columns[column].Get.GetClrValueUsingContainingEntity(p) is { } v ? columns[column].Mapping.Converter?.ConvertToProvider(v) ?? v : null;

        if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({names}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var person in people)
            {
                await copy.StartRowAsync(ct);
                for (var c = 0; c < columns.Count; c++)
                    if (Value(c, person) is { } value) await copy.WriteAsync(value, ct);
                    else await copy.WriteNullAsync(ct);
            }
            await copy.CompleteAsync(ct);
            return;
        }

        DbCommand? command = null;
        try
        {
            for (var start = 0; start < people.Count; start += RowsPerStatement)
            {
                var rows = Math.Min(RowsPerStatement, people.Count - start);
                if (command is null || command.Parameters.Count != rows * columns.Count)
                {
                    // Prepared once for full batches, and once more for the last, shorter one.
                    if (command is not null) await command.DisposeAsync();
                    command = Prepare(db.Database.GetDbConnection(), transaction, table.Name, names, columns.Select(c => c.Mapping).ToList(), rows);
                }
                for (var r = 0; r < rows; r++)
                    for (var c = 0; c < columns.Count; c++)
                        command.Parameters[r * columns.Count + c].Value = Value(c, people[start + r]) ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
    }

    /// <summary>True when a write broke a unique key: someone else added the same person since the directory was read.</summary>
    public static bool IsConflict(DbException e) =>
        e is SqliteException { SqliteErrorCode: 19 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string table, string names,
        List<RelationalTypeMapping> mappings, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", mappings.Select((_, c) => $"@p{r * mappings.Count + c}")) + ")");
        command.CommandText = $"INSERT INTO {Quote(table)} ({names}) VALUES {string.Join(", ", values)}";
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < mappings.Count; c++)
                command.Parameters.Add(mappings[c].CreateParameter(command, $"@p{r * mappings.Count + c}", null, nullable: true));
        command.Prepare();
        return command;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
