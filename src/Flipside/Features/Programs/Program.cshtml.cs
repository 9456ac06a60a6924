using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Programs;

/// <summary>A program's overview: what it is for, how it runs, its cohorts (moved along here), managers and sponsors.</summary>
public sealed class ProgramModel(FlipsideDb db, Viewer viewer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ProgramQueries.ProgramDetails Program { get; private set; } = null!;
    public Viewer Viewer => viewer;
    [BindProperty] public string? ManagerEmail { get; set; }
    [BindProperty] public string? SponsorEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Show(ct);

    /// <summary>A move the manager has not yet confirmed: shown above the cohorts with what it does.</summary>
    public (Guid CohortId, string CohortName, CohortStatus Next)? PendingMove { get; private set; }

    /// <summary>A move cannot be undone, so the first press asks, saying what the move does; the second moves.</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid cohortId, string? status, bool confirmed, CancellationToken ct)
    {
        if (!MoveCohort.TryParse(status, out var next))
            return await Change(Task.FromResult<Outcome<Done>>(Outcome.Invalid("", "Choose the status to move the cohort to.")), "", ct);
        if (confirmed) return await Change(MoveCohort.Handle(new(Id, cohortId, next), viewer, db, clock, ct), $"Cohort moved to {next.ToString().ToLowerInvariant()}.", ct);
        var shown = await Show(ct);
        if (Program?.Cohorts.FirstOrDefault(c => c.Id == cohortId) is not { } cohort) return NotFound();
        PendingMove = (cohort.Id, cohort.Name, next);
        return shown;
    }

    public static string WhatAMoveDoes(CohortStatus next) => next switch
    {
        CohortStatus.Enrolling => "You can then invite people and, if the cohort is open, volunteers can apply.",
        CohortStatus.Matching => "Invitations and applications stop; nobody else joins this cohort, and profiles are matched.",
        CohortStatus.Active => "The cohort's published pairings start meeting.",
        CohortStatus.Closed => "The cohort ends: nobody joins, nothing more is matched, and it stays as a record.",
        _ => "",
    };

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) =>
        Change(ArchiveProgram.Handle(new(Id, true), viewer, db, clock, ct), "Program archived. You can restore it at any time.", ct);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) =>
        Change(ArchiveProgram.Handle(new(Id, false), viewer, db, clock, ct), "Program restored.", ct);

    public Task<IActionResult> OnPostAddManagerAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(AddProgramManager.Handle(Id, ManagerEmail ?? "", viewer, db, clock, ct), $"{ManagerEmail?.Trim()} now manages this program.",
            () => RedirectToPage(new { Id }), () => Show(ct), field: nameof(ManagerEmail));

    public Task<IActionResult> OnPostRemoveManagerAsync(string userId, CancellationToken ct) =>
        Change(RemoveProgramManager.Handle(Id, userId, viewer, db, clock, ct), "Manager removed from this program.", ct);

    public Task<IActionResult> OnPostAddSponsorAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(ProgramSponsors.Add(Id, SponsorEmail ?? "", viewer, db, clock, ct), $"{SponsorEmail?.Trim()} now sponsors this program.",
            () => RedirectToPage(new { Id }), () => Show(ct), field: nameof(SponsorEmail));

    public Task<IActionResult> OnPostRemoveSponsorAsync(string userId, CancellationToken ct) =>
        Change(ProgramSponsors.Remove(Id, userId, viewer, db, clock, ct), "Sponsor removed from this program.", ct);

    private Task<IActionResult> Change(Task<Outcome<Done>> change, string done, CancellationToken ct) =>
        this.ApplyAndRedirect(change, done, () => RedirectToPage(new { Id }), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        if (await ProgramQueries.Get(Id, viewer, db, ct) is not { } program) return NotFound();
        Program = program;
        return Page();
    }
}
