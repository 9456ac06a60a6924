using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Sessions;

/// <summary>A pairing's meetings, for its two partners: suggested times, proposing, accepting, moving, cancelling, agenda.</summary>
public sealed class MeetingsModel(Viewer viewer, FlipsideDb db, PairingSecrets secrets, PublicUrl url, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PairingId { get; set; }
    public PairMeetings.View View { get; private set; } = null!;
    public IReadOnlyList<SuggestTimes.Slot> Slots { get; private set; } = [];
    public IReadOnlyList<SessionKit.Area> Kit { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public sealed class ProposeInput
    {
        public DateTime? LocalStart { get; set; }
        public int? Minutes { get; set; }
        public string? VideoLink { get; set; }
    }

    [BindProperty] public ProposeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : NotFound();

    private async Task<bool> Load(CancellationToken ct)
    {
        var view = await PairMeetings.Handle(PairingId, viewer, db, secrets, clock, ct);
        if (!view.IsOk) return false;
        View = view.Value;
        Now = clock.GetUtcNow();
        var slots = await SuggestTimes.Handle(PairingId, viewer, db, clock, ct);
        Slots = slots.IsOk ? slots.Value : [];
        var pair = await PairContext.Load(viewer, PairingId, db, ct);
        Kit = pair is null ? [] : SessionKit.For(pair.Program.FocusAreas);
        return true;
    }

    private async Task<IActionResult> Again(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await Load(ct) ? Page() : NotFound();
    }

    private IActionResult Done(string status, IReadOnlyList<string>? warnings = null)
    {
        TempData["Status"] = status;
        if (warnings is { Count: > 0 }) TempData["Warnings"] = string.Join("\n", warnings);
        return RedirectToPage(new { PairingId });
    }

    public Task<IActionResult> OnPostProposeAsync(CancellationToken ct) =>
        this.Apply(ProposeMeeting.Handle(new(PairingId, Input.LocalStart, Input.Minutes, Input.VideoLink), viewer, url.Base, db, clock, ct),
            p => Done("Proposed. Your partner gets the invite to accept.", p.Warnings), () => Again(ct));

    public Task<IActionResult> OnPostRescheduleAsync(Guid meetingId, int? version, CancellationToken ct) =>
        this.Apply(RescheduleMeeting.Handle(new(meetingId, Input.LocalStart, Input.Minutes, Input.VideoLink, version), viewer, url.Base, db, clock, ct),
            p => Done("Moved. Your partner gets the update to accept.", p.Warnings), () => Again(ct));

    public Task<IActionResult> OnPostAcceptAsync(Guid meetingId, int? version, CancellationToken ct) =>
        this.Apply(AcceptMeeting.Handle(meetingId, version, viewer, url.Base, db, clock, ct), _ => Done("Accepted. It is confirmed in both calendars."), () => Again(ct));

    public Task<IActionResult> OnPostCancelAsync(Guid meetingId, int? version, CancellationToken ct) =>
        this.Apply(CancelMeeting.Handle(meetingId, version, viewer, url.Base, db, clock, ct), _ => Done("Cancelled. Both calendars are updated."), () => Again(ct));

    public Task<IActionResult> OnPostAgendaAsync(Guid meetingId, List<string> topics, ParticipantRole? ledBy, CancellationToken ct) =>
        this.Apply(SetAgenda.Handle(new(meetingId, topics, ledBy), viewer, db, clock, ct), _ => Done("Agenda saved."), () => Again(ct), field: "topics");
}
