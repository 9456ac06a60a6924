using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Chat;

/// <summary>
/// A program's chat webhooks and the announcements they get, read and saved by the program's managers. A saved URL is
/// stored sealed and shown only masked (host and last four characters): the URL itself lets anyone post to the channel.
/// </summary>
public static class ChatSettings
{
    public sealed record View(Guid ProgramId, string ProgramName, string? SlackMasked, string? TeamsMasked,
        IReadOnlyList<ChatAnnouncement> Announcements, IReadOnlyList<DeliveryRow> Recent);

    public sealed record DeliveryRow(DateTimeOffset CreatedAt, ChatChannel Channel, string Title, string Status, string? LastError);

    /// <param name="SlackUrl">A new URL; null keeps the saved one, "" removes it.</param>
    public sealed record Request(string? SlackUrl, string? TeamsUrl, IReadOnlyList<ChatAnnouncement>? Announcements);

    public static async Task<Outcome<View>> Get(Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.Where(p => p.Id == programId).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        if (program is null) return Outcome.NotFound;
        var chat = await db.ProgramChats.AsNoTracking().FirstOrDefaultAsync(c => c.ProgramId == programId, ct);
        var recent = await db.ChatDeliveries.AsNoTracking().Where(d => d.ProgramId == programId).OrderByDescending(d => d.CreatedAt).Take(10)
            .Select(d => new { d.CreatedAt, d.Channel, d.Title, d.SentAt, d.FailedAt, d.Attempts, d.LastError }).ToListAsync(ct);
        return new View(program.Id, program.Name, chat?.SlackMasked, chat?.TeamsMasked, chat?.AnnouncementList ?? [],
            [.. recent.Select(d => new DeliveryRow(d.CreatedAt, d.Channel, d.Title,
                d.SentAt is not null ? "Sent" : d.FailedAt is not null ? "Failed" : d.Attempts > 0 ? "Retrying" : "Waiting", d.LastError))]);
    }

    public static async Task<Outcome<Done>> Save(Guid programId, Request r, Viewer viewer, FlipsideDb db, ChatOptions options, ChatWebhookSecrets secrets,
        TimeProvider clock, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return Outcome.NotFound;
        program.EnsureChangeable("changing its chat announcements");
        var errors = new List<FieldError>();
        var slack = Check("SlackUrl", ChatChannel.Slack, r.SlackUrl, options, errors);
        var teams = Check("TeamsUrl", ChatChannel.Teams, r.TeamsUrl, options, errors);
        if (errors.Count > 0) return Outcome.Invalid(errors);
        var now = clock.GetUtcNow();
        var chat = await db.ProgramChats.FirstOrDefaultAsync(c => c.ProgramId == programId, ct);
        // Sealed before anything is staged: the first seal saves the installation's key.
        var (slackSealed, teamsSealed) = (await Sealed(slack, ChatChannel.Slack), await Sealed(teams, ChatChannel.Teams));
        if (chat is null) db.ProgramChats.Add(chat = new ProgramChat(programId));
        chat.Update(slackSealed, teamsSealed, r.Announcements ?? [], now);
        // The URLs are credentials: the log says which tools are on, never where they point.
        db.Record(viewer, now, "program.chat-changed", "Program", programId,
            $"{program.Name}: Slack {(chat.SlackSealed is null ? "off" : "on")}, Teams {(chat.TeamsSealed is null ? "off" : "on")}; "
            + $"announces {(chat.AnnouncementList.Count == 0 ? "nothing" : string.Join(", ", chat.AnnouncementList.Select(Describe)))}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;

        async Task<SealedWebhook?> Sealed(string? url, ChatChannel channel) => url switch
        {
            null => null,
            "" => SealedWebhook.Removed,
            _ => await secrets.Seal(programId, channel, url, ct),
        };
    }

    public static string Describe(ChatAnnouncement a) => a switch
    {
        ChatAnnouncement.CohortOpens => "a cohort opens for volunteers",
        ChatAnnouncement.PairsPublished => "pairs are published (counts only)",
        ChatAnnouncement.MilestonesCelebrated => "a pair reaches a milestone (without names)",
        _ => "a success story is published",
    };

    private static string? Check(string field, ChatChannel channel, string? value, ChatOptions options, List<FieldError> errors)
    {
        if (value is null) return null;
        var url = value.Trim();
        if (url.Length == 0) return "";
        if (url.Length > ProgramChat.MaxUrlLength) errors.Add(new(field, $"A webhook URL has at most {ProgramChat.MaxUrlLength} characters."));
        else if (options.Refusal(channel, url) is { } refusal) errors.Add(new(field, refusal));
        return url;
    }
}
