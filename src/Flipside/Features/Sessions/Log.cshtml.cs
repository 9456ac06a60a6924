using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Sessions;

/// <summary>After a meeting: held or not, topics, what each learned (sealed for the pair), action items and their completion.</summary>
public sealed class LogModel(Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid MeetingId { get; set; }
    public PairMeetings.View Pair { get; private set; } = null!;
    public PairMeetings.MeetingView Meeting { get; private set; } = null!;
    public IReadOnlyList<string> KitTopics { get; private set; } = [];

    public sealed class LogInput
    {
        public bool? Held { get; set; }
        public int? Minutes { get; set; }
        public ParticipantRole? NoShow { get; set; }
        public List<string> Topics { get; set; } = [];
        public string? Learned { get; set; }
    }

    public sealed class ItemInput
    {
        public string? Text { get; set; }
        public ParticipantRole? Owner { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    [BindProperty] public LogInput Input { get; set; } = new();
    [BindProperty] public ItemInput Item { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await Load(ct)) return NotFound();
        Input = new()
        {
            Held = Meeting.Logged ? Meeting.Status == MeetingStatus.Held : null, Minutes = Meeting.HeldMinutes ?? Meeting.Minutes, NoShow = Meeting.NoShow,
            Topics = [.. Meeting.TopicsCovered.Count > 0 ? Meeting.TopicsCovered : Meeting.Agenda],
            Learned = Pair.MyRole == ParticipantRole.Mentor ? Meeting.LearnedByMentor : Meeting.LearnedByMentee,
        };
        return Page();
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        var found = await PairContext.LoadMeeting(viewer, MeetingId, db, ct);
        if (found is not ({ } pair, _)) return false;
        var view = await PairMeetings.Handle(pair.Pairing.Id, viewer, db, secrets, clock, ct);
        if (!view.IsOk) return false;
        Pair = view.Value;
        Meeting = Pair.Meetings.Single(m => m.Id == MeetingId);
        KitTopics = [.. SessionKit.Topics(pair.Program.FocusAreas)];
        return true;
    }

    private async Task<IActionResult> Again(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await Load(ct) ? Page() : NotFound();
    }

    private IActionResult Done(string status)
    {
        TempData["Status"] = status;
        return RedirectToPage(new { MeetingId });
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        this.Apply(LogMeeting.Handle(new(MeetingId, Input.Held, Input.Minutes, Input.NoShow, Input.Topics, Input.Learned ?? ""), viewer, db, secrets, clock, ct),
            _ => Done("Saved. What you learned is readable by the two of you only."), () => Again(ct));

    public Task<IActionResult> OnPostAddItemAsync(CancellationToken ct) =>
        this.Apply(AddActionItem.Handle(new(MeetingId, Item.Text, Item.Owner, Item.DueOn), viewer, db, clock, ct), _ => Done("Action item added."), () => Again(ct), "Item");

    public Task<IActionResult> OnPostCompleteAsync(Guid itemId, bool done, CancellationToken ct) =>
        this.Apply(CompleteActionItem.Handle(itemId, done, viewer, db, clock, ct), _ => Done(done ? "Marked done." : "Marked open again."), () => Again(ct));
}
