using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Chat;

/// <summary>A program's Slack and Teams announcements: where they go, which news, and how the last ones went.</summary>
[Authorize(Policy = Policies.ProgramStaff)]
public sealed class ProgramModel(Viewer viewer, FlipsideDb db, ChatOptions options, ChatWebhookSecrets secrets, TimeProvider clock) : PageModel
{
    public sealed class ChatInput
    {
        public string? SlackUrl { get; set; }
        public string? TeamsUrl { get; set; }
        public bool RemoveSlack { get; set; }
        public bool RemoveTeams { get; set; }
        public List<ChatAnnouncement> Announcements { get; set; } = [];
    }

    [BindProperty(SupportsGet = true)] public Guid ProgramId { get; set; }
    [BindProperty] public ChatInput Input { get; set; } = new();
    public ChatSettings.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } missing) return missing;
        Input.Announcements = [.. View.Announcements];
        return Page();
    }

    /// <summary>An empty URL box keeps the saved webhook (it is never shown again); the remove box takes it away.</summary>
    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new ChatSettings.Request(Input.RemoveSlack ? "" : Blank(Input.SlackUrl), Input.RemoveTeams ? "" : Blank(Input.TeamsUrl), Input.Announcements);
        return this.ApplyAndRedirect(ChatSettings.Save(ProgramId, request, viewer, db, options, secrets, clock, ct), "The chat announcements are saved.",
            () => RedirectToPage(new { programId = ProgramId }), async () => await Load(ct) ?? Page());
    }

    private static string? Blank(string? url) => string.IsNullOrWhiteSpace(url) ? null : url;

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var outcome = await ChatSettings.Get(ProgramId, viewer, db, ct);
        if (!outcome.IsOk) return NotFound();
        View = outcome.Value;
        return null;
    }
}
