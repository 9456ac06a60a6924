using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Flipside.Data;

/// <summary>
/// Inserts new people inside the import's open transaction (in Data, not People, because it speaks to each provider's
/// own client). EF Core inserts row by row (about 70 µs a row on SQLite),
/// which made the write most of a 100,000-row import; this runs one prepared statement on SQLite and a binary COPY
/// on PostgreSQL. Columns, and the conversions of their values (status as text, a Guid as SQLite text, DateOnly), come
/// from the EF model, so rows written here read back through EF exactly as if EF had written them. It only inserts, so a
/// person's change count (<see cref="Domain.IChangeCounted"/>) starts where EF would start it and the directory's row count moves.
/// </summary>
public static class PeopleBulkWriter
{
    /// <summary>New people, and the import history's rows about them (as many as the people: the same cost again through EF).</summary>
    public static async Task Insert<T>(FlipsideDb db, IReadOnlyList<T> people, CancellationToken ct) where T : class
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Insert people inside the import's transaction, so a failure writes nothing.");
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!);
        var columns = entity.GetProperties()
            .Select(p => (Name: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping(), Get: p.GetGetter())).ToList();
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        object? Value(int column, T p) =>
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

        // One prepared single-row INSERT, run once a person. Microsoft.Data.Sqlite finds each parameter by name in a list,
        // so a statement of many rows binds in time growing with its square: 500 rows a statement was slower than EF.
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({string.Join(", ", columns.Select((_, c) => $"@p{c}"))})";
        for (var c = 0; c < columns.Count; c++)
            command.Parameters.Add(columns[c].Mapping.CreateParameter(command, $"@p{c}", null, nullable: true));
        await command.PrepareAsync(ct);
        foreach (var person in people)
        {
            for (var c = 0; c < columns.Count; c++) command.Parameters[c].Value = Value(c, person) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>True when a write broke a unique key: someone else added the same person since the directory was read.</summary>
    public static bool IsConflict(DbException e) =>
        e is SqliteException { SqliteErrorCode: 19 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
