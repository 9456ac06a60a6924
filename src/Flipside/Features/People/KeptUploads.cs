using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>Keeps a checked file for its uploader between the preview and applying it, and forgets it after an hour.</summary>
public static class KeptUploads
{
    public static async Task<Guid> Keep(Viewer viewer, byte[] bytes, string sourceName, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Files not applied within the hour are swept here, by whichever upload comes next: no job needed for a few rows.
        await db.Set<ImportUpload>().Where(u => u.CreatedAt < now - ImportUpload.KeptFor).ExecuteDeleteAsync(ct);
        var upload = new ImportUpload(viewer.UserId, now, bytes, sourceName);
        db.Add(upload);
        await db.SaveChangesAsync(ct);
        db.Entry(upload).State = EntityState.Detached;
        return upload.Id;
    }

    /// <summary>The file this viewer checked, if it is still kept: another account's upload is never handed over.</summary>
    public static async Task<ImportUpload?> Find(Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - ImportUpload.KeptFor;
        return await db.Set<ImportUpload>().AsNoTracking()
            .SingleOrDefaultAsync(u => u.Id == id && u.UploadedBy == viewer.UserId && u.CreatedAt >= since, ct);
    }

    public static Task Forget(Guid id, FlipsideDb db, CancellationToken ct) =>
        db.Set<ImportUpload>().Where(u => u.Id == id).ExecuteDeleteAsync(ct);
}
