using Flipside.Data;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Privacy;

/// <summary>
/// SQLite keeps a deleted or overwritten value in the file's free pages and in the write-ahead log until they are
/// reused. After an erasure it rewrites the whole file (VACUUM) and folds and empties the log, so a copy of the file
/// holds the person nowhere. PostgreSQL's dead row versions are never read by a query or a dump and are reclaimed by
/// its autovacuum; a file-level copy taken before that is one more reason a backup holds what erasure removed.
/// </summary>
internal static class FreedPages
{
    public static async Task Clear(FlipsideDb db, CancellationToken ct)
    {
        if (db is PostgresFlipsideDb) return;
        await db.Database.ExecuteSqlRawAsync("VACUUM", ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
    }
}
