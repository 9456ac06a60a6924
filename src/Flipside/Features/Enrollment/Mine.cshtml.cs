using System.ComponentModel.DataAnnotations;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Pairings;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Enrollment;

public sealed class MineModel(FlipsideDb db, Viewer viewer, PublicUrl url, TimeProvider clock) : PageModel
{
    public Person? Me { get; private set; }
    public IReadOnlyList<MyEnrollments.Item> Enrollments { get; private set; } = [];
    public IReadOnlyList<MyEnrollments.OpenCohort> Open { get; private set; } = [];
    public IReadOnlyList<MyPairings.Item> Pairings { get; private set; } = [];
    [BindProperty] public ApplyInput Apply { get; set; } = new();

    public sealed class ApplyInput
    {
        public Guid CohortId { get; set; }
        public ParticipantRole Role { get; set; } = ParticipantRole.Mentor;
        [Required(ErrorMessage = "Say in a few words why you would like to take part.")]
        public string Motivation { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        Change(AnswerInvitation.Accept(id, viewer, url.Base, db, clock, ct), "Thank you! Next, fill in your matching profile.", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        Change(AnswerInvitation.Decline(id, viewer, db, clock, ct), "You declined. Nothing more will be asked of you for this cohort.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        Change(AnswerInvitation.Withdraw(id, viewer, url.Base, db, clock, ct), "You have left. No reason is recorded, and your pairing partner is not told why.", ct);

    public Task<IActionResult> OnPostPairingAsync(Guid id, string? action, string? reason, CancellationToken ct) =>
        LeavePairing.TryParse(action, out var exit)
            ? Change(LeavePairing.AsPartner(new(id, exit, reason), viewer, url.Base, db, clock, ct), exit switch
            {
                PairingExit.Pause => "Your pairing is paused. Only the program manager is told, with your reason if you gave one.",
                PairingExit.Resume => "Your pairing is active again.",
                PairingExit.NewMatch => "Your pairing has ended and the program manager will look for a new match. Your partner is told only that the program ended it.",
                _ => "Your pairing has ended. Your partner is told only that the program ended it; your reason stays with the program manager.",
            }, ct)
            : Change(Task.FromResult<Outcome<Done>>(Outcome.Invalid("action", "Choose pause, resume, end or ask for a new match.")), "", ct);

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        await Load(ct);
        if (Me is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        return await this.ApplyAndRedirect(ApplyToCohort.Handle(new(Apply.CohortId, Apply.Role, Apply.Motivation), viewer, db, clock, ct),
            "Your application is in. The program manager will answer; you can withdraw at any time.", () => RedirectToPage(),
            () => Task.FromResult<IActionResult>(Page()), nameof(Apply));
    }

    private Task<IActionResult> Change(Task<Outcome<Done>> change, string done, CancellationToken ct) =>
        this.ApplyAndRedirect(change, done, () => RedirectToPage(), async () =>
        {
            db.ChangeTracker.Clear();
            await Load(ct);
            return Page();
        });

    private async Task Load(CancellationToken ct)
    {
        Me = await viewer.Person(ct);
        if (Me is null) return;
        Enrollments = await MyEnrollments.List(Me.Id, db, ct);
        Pairings = await MyPairings.List(viewer, db, ct);
        Open = await MyEnrollments.OpenForApplications(Me.Id, db, ct);
    }

    /// <summary>The same status as program staff read it on a roster or a participant's page: about the person, not to them.</summary>
    public static string DescribeForStaff(EnrollmentStatus s) =>
        Describe(s).Split(" — ")[0].Replace("your line manager", "their line manager", StringComparison.Ordinal);

    public static string Describe(EnrollmentStatus s) => s switch
    {
        EnrollmentStatus.Invited => "Invited — your answer is needed",
        EnrollmentStatus.Applied => "Applied — waiting for the program manager",
        EnrollmentStatus.AwaitingManagerApproval => "Waiting for your line manager's approval",
        EnrollmentStatus.Enrolled => "Enrolled",
        EnrollmentStatus.Declined => "Declined",
        EnrollmentStatus.NotApproved => "Not approved by your line manager",
        EnrollmentStatus.Withdrawn => "Withdrawn",
        EnrollmentStatus.Left => "Ended: left the organisation",
        _ => s.ToString(),
    };
}
