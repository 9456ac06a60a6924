using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Impact;

/// <summary>
/// A program manager records a measure's value on a day, e.g. 48 (%) on 1 March, "from the tool's usage analytics".
/// Sponsors read the report but record nothing (403), as participants (403); a measure of a program the manager does
/// not manage is not found (404).
/// </summary>
public static class RecordMeasureValue
{
    public sealed record Request(decimal? Value, string? MeasuredOn, string? Note);

    public sealed record Recorded(Guid Id);

    public const string ManagersOnly = "Only the program's managers record its measures.";

    public static async Task<Outcome<Recorded>> Handle(Guid programId, Guid measureId, Request request, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!viewer.IsProgramStaff) return Outcome.Forbidden(ManagersOnly);
        var measure = await db.Measures.FirstOrDefaultAsync(m => m.Id == measureId
            && db.Objectives.Any(o => o.Id == m.ObjectiveId && viewer.ManagedPrograms.Any(p => p.Id == o.ProgramId && p.Id == programId)), ct);
        if (measure is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        if (Validate(request, DateOnly.FromDateTime(now.UtcDateTime)) is { Count: > 0 } errors) return Outcome.Invalid(errors);
        if (measure.Source != MeasureSource.Manual) return Outcome.Conflict("This measure takes its value from the app; change its source to \"recorded by hand\" to record values.");
        var value = new MeasureValue(measure.Id, DateOnly.ParseExact(request.MeasuredOn!.Trim(), "yyyy-MM-dd"), request.Value!.Value, request.Note ?? "", viewer.UserId, now);
        db.MeasureValues.Add(value);
        db.Record(viewer, now, "measure.value-recorded", "Measure", measure.Id, $"recorded {value.Value:0.####} for \"{measure.Name}\" on {value.MeasuredOn:yyyy-MM-dd}.");
        await db.SaveChangesAsync(ct);
        return new Recorded(value.Id);
    }

    public static List<FieldError> Validate(Request r, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (r.Value is not { } v || Math.Abs(v) > MeasureValue.Limit)
            errors.Add(new(nameof(Request.Value), $"Enter the value as a number between {-MeasureValue.Limit:#,0} and {MeasureValue.Limit:#,0}."));
        if (!DateOnly.TryParseExact(r.MeasuredOn?.Trim(), "yyyy-MM-dd", out var on) || on < MeasureValue.Earliest || on > today)
            errors.Add(new(nameof(Request.MeasuredOn), "Enter the day it was measured as a date (YYYY-MM-DD) between 2000 and today."));
        if ((r.Note?.Trim().Length ?? 0) > MeasureValue.NoteMaxLength)
            errors.Add(new(nameof(Request.Note), $"Keep the note to {MeasureValue.NoteMaxLength} characters."));
        return errors;
    }
}
