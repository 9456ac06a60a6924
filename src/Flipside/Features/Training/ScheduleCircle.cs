using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>Schedules a supervision circle for the cohort's mentors, or moves one (CircleId set), in a program that asks for circles.</summary>
public static class ScheduleCircle
{
    public sealed record Request(Guid CohortId, Guid? CircleId, DateOnly? Date, TimeOnly? Time, string? TimeZone, int? Minutes, string? VideoLink, int? Version);

    public static async Task<Outcome<Guid>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == r.CohortId, ct);
        if (cohort is null) return Outcome.NotFound;
        var circle = r.CircleId is { } id ? await db.SupervisionCircles.FirstOrDefaultAsync(c => c.Id == id && c.CohortId == r.CohortId, ct) : null;
        if (r.CircleId is not null && circle is null) return Outcome.NotFound;
        if (!await db.ProgramTrainings.AnyAsync(t => t.ProgramId == cohort.ProgramId && t.SupervisionCircles, ct))
            return Outcome.Conflict("This program does not hold supervision circles. Turn them on in the program's training settings first.");

        var errors = new List<FieldError>();
        var zoneId = string.IsNullOrWhiteSpace(r.TimeZone) ? (await viewer.Person(ct))?.TimeZone ?? "UTC" : r.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)) errors.Add(new("TimeZone", $"\"{zoneId}\" is not a time zone; use a name such as Europe/London."));
        if (r.Date is null) errors.Add(new("Date", "Choose the day."));
        else if (!PlausibleDates.Allows(r.Date.Value)) errors.Add(new("Date", PlausibleDates.Message));
        if (r.Time is null) errors.Add(new("Time", "Choose the start time."));
        var minutes = r.Minutes ?? 60;
        if (!SupervisionCircle.MinutesRule.Allows(minutes)) errors.Add(new("Minutes", SupervisionCircle.MinutesRule.Message));
        var link = r.VideoLink?.Trim();
        if (!string.IsNullOrEmpty(link) && (link.Length > SupervisionCircle.VideoLinkMaxLength
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            errors.Add(new("VideoLink", "Give the video link as a full https:// address, or leave it empty."));
        DateTimeOffset? startsAt = null;
        if (zone is not null && r.Date is { } date && PlausibleDates.Allows(date) && r.Time is { } time)
        {
            startsAt = CircleTimes.ToInstant(date, time, zone);
            if (startsAt is null) errors.Add(new("Time", $"{time:HH:mm} does not exist on {date:d MMMM yyyy} in {zone.Id}: the clocks go forward. Choose another time."));
            else if (startsAt < clock.GetUtcNow()) errors.Add(new("Date", "That time has passed. Choose a time to come."));
        }
        if (errors.Count > 0) return Outcome.Invalid(errors);
        cohort.Program.EnsureChangeable("scheduling circles");
        if (circle is not null && r.Version is { } version && version != circle.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);

        var moved = circle is not null;
        if (circle is null) db.SupervisionCircles.Add(circle = new SupervisionCircle(r.CohortId));
        circle.Schedule(startsAt!.Value, zone!.Id, minutes, link);
        // The version is the invites' SEQUENCE: moved here, so the mail carries the value the save keeps.
        if (moved) circle.Version++;
        var now = clock.GetUtcNow();
        await CircleInvites.Stage(db, circle, circle.Version, cohort.Program, cohort.Name, moved ? "Moved" : "Scheduled", now, ct);
        db.Record(viewer, now, r.CircleId is null ? "training.circle-scheduled" : "training.circle-moved", "Cohort", r.CohortId,
            $"{cohort.Program.Name}, {cohort.Name}: circle on {startsAt.Value:yyyy-MM-dd HH:mm} UTC");
        await db.SaveChangesAsync(ct);
        return circle.Id;
    }
}
