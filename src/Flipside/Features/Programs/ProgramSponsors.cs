using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>
/// The program's managers (or an administrator) name the executives who sponsor it. A sponsor sees the program on
/// their home page with its cohorts and counts, never anyone's profile or private content.
/// </summary>
public static class ProgramSponsors
{
    public static async Task<Outcome<Done>> Add(Guid programId, string email, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.Include(p => p.Sponsors).FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return Outcome.NotFound;
        program.EnsureChangeable("naming its sponsors");
        var account = await ProgramAccounts.Find(db, email, Roles.Sponsor, ct);
        if (account is null) return Outcome.Invalid("Email", "No account has this email. Ask an administrator to invite the person as a sponsor.");
        if (!account.HasRole) return Outcome.Invalid("Email", "This account is not a sponsor. An administrator gives it that role under Accounts.");
        if (program.Sponsors.All(s => s.UserId != account.Id))
        {
            db.ProgramSponsors.Add(new ProgramSponsorAssignment(program.Id, account.Id));
            db.Record(viewer, clock.GetUtcNow(), "program.sponsor-added", "Program", program.Id, $"{account.Email} sponsors {program.Name}");
            await db.SaveChangesAsync(ct);
        }
        return Outcome.Ok;
    }

    public static async Task<Outcome<Done>> Remove(Guid programId, string userId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.Include(p => p.Sponsors).FirstOrDefaultAsync(p => p.Id == programId, ct);
        var sponsor = program?.Sponsors.FirstOrDefault(s => s.UserId == userId);
        if (program is null || sponsor is null) return Outcome.NotFound;
        program.EnsureChangeable("changing its sponsors");
        program.Sponsors.Remove(sponsor);
        db.Record(viewer, clock.GetUtcNow(), "program.sponsor-removed", "Program", program.Id, $"account {userId} no longer sponsors {program.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    public sealed record SponsoredProgram(Guid Id, string Name, string Purpose, ProgramStatus Status, IReadOnlyList<ProgramQueries.CohortRow> Cohorts,
        int Mentors, int Leaders);

    /// <summary>What a sponsor's home shows: the programs they back, their cohorts, and how many people are enrolled on each side.</summary>
    public static async Task<IReadOnlyList<SponsoredProgram>> Of(Viewer viewer, CancellationToken ct) =>
        await viewer.SponsoredPrograms.OrderBy(p => p.Status == ProgramStatus.Archived).ThenBy(p => p.Name)
            .Select(p => new SponsoredProgram(p.Id, p.Name, p.Purpose, p.Status,
                p.Cohorts.OrderBy(c => c.StartsOn).ThenBy(c => c.Name)
                    .Select(c => new ProgramQueries.CohortRow(c.Id, c.Name, c.StartsOn, c.EndsOn, c.Capacity, c.Status, c.OpenForApplications)).ToList(),
                p.Cohorts.SelectMany(c => c.Enrollments).Count(e => e.Status == EnrollmentStatus.Enrolled && e.Role == ParticipantRole.Mentor),
                p.Cohorts.SelectMany(c => c.Enrollments).Count(e => e.Status == EnrollmentStatus.Enrolled && e.Role == ParticipantRole.Mentee)))
            .ToListAsync(ct);
}
