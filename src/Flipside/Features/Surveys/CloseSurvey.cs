using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// A program manager closes an open survey now rather than at its date. Its held answers are stored in the same
/// transaction, so the results are there the moment it is closed and a failure leaves the survey open with its answers
/// still held (decision 0014).
/// </summary>
public static class CloseSurvey
{
    public static async Task<Outcome<Done>> Handle(Guid surveyId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId && viewer.ManagedPrograms.Any(p => p.Id == s.ProgramId), ct);
        if (survey is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        survey.CloseNow(now);
        // In a caller's transaction the close commits with it, as the release does.
        await using var tx = await db.BeginUnlessInTransaction(ct);
        db.Record(viewer, now, "survey.closed", "Survey", survey.Id, $"{survey.Title} closed by hand on {now:d MMMM yyyy}");
        await db.SaveChangesAsync(ct);
        await new ReleaseHeldAnswers(db, clock).ReleaseClosed(survey, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return Outcome.Ok;
    }
}
