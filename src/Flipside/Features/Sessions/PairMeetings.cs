using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>
/// A pairing's meetings as one of its partners sees them: times in the reader's own zone, what each learned (opened
/// with the pairing's key, for the pair only), action items, and the leader's follow-through ledger.
/// </summary>
public static class PairMeetings
{
    public sealed record Item(Guid Id, string Text, ParticipantRole Owner, DateOnly DueOn, bool Done);

    public sealed record MeetingView(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Minutes, string ForMe, string ForPartner, string? VideoLink,
        MeetingStatus Status, ParticipantRole ProposedBy, bool ICanAccept, int Sequence, int Version, ParticipantRole AgendaLedBy, IReadOnlyList<string> Agenda,
        ParticipantRole? CancelledBy, double? CancelledHoursBefore, bool Logged, bool ICanLog, int? HeldMinutes, ParticipantRole? NoShow,
        IReadOnlyList<string> TopicsCovered, string? LearnedByMentor, string? LearnedByMentee, IReadOnlyList<Item> ActionItems);

    public sealed record View(Guid PairingId, string ProgramName, ParticipantRole MyRole, string MyLabel, string PartnerLabel, string PartnerName,
        string MyTimeZone, string PartnerTimeZone, int DefaultMinutes, bool CanPlan, IReadOnlyList<MeetingView> Meetings, Ledger.Pair Ledger);

    public static async Task<Outcome<View>> Handle(Guid pairingId, Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock, CancellationToken ct)
    {
        var pair = await PairContext.Load(viewer, pairingId, db, ct);
        if (pair is null) return Outcome.NotFound;
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.PairingId == pairingId).OrderByDescending(m => m.StartsAt).ToListAsync(ct);
        var items = await db.ActionItems.AsNoTracking().Where(a => a.PairingId == pairingId).OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).ToListAsync(ct);
        var sealedAny = meetings.Any(m => m.LearnedByMentor is not null || m.LearnedByMentee is not null);
        var cipher = sealedAny ? await secrets.For(pairingId, ct) : null;
        string? Open(Meeting m, ParticipantRole role, byte[]? bytes)
        {
            if (bytes is null) return null;
            // Changed or moved bytes say so in place of the text, as notes do, rather than failing the whole page.
            try { return cipher!.Open(bytes, Meeting.PurposeOfLearned(m.Id, role)); }
            catch (System.Security.Cryptography.CryptographicException) { return Conversations.PairConversation.Unreadable; }
        }
        var now = clock.GetUtcNow();
        // The record is written once; its writer may correct it for a while (Meeting.CorrectionHours).
        bool CanLog(Meeting m) => m.LoggedAt is not { } at || (m.LoggedBy == pair.Me && now <= at.AddHours(Meeting.CorrectionHours));
        var views = meetings.Select(m => new MeetingView(m.Id, m.StartsAt, m.EndsAt, m.Minutes, Zones.Show(m.StartsAt, pair.Mine.Zone), Zones.Show(m.StartsAt, pair.Partner.Zone),
            m.VideoLink, m.Status, m.ProposedBy, m.Status == MeetingStatus.Proposed && m.ProposedBy != pair.Me, m.Sequence, m.Version, m.AgendaLedBy, m.Agenda,
            m.CancelledBy, m.CancelledHoursBefore, m.LoggedAt is not null, CanLog(m), m.HeldMinutes, m.NoShow, m.TopicsCovered,
            Open(m, ParticipantRole.Mentor, m.LearnedByMentor), Open(m, ParticipantRole.Mentee, m.LearnedByMentee),
            [.. items.Where(a => a.MeetingId == m.Id).Select(a => new Item(a.Id, a.Text, a.Owner, a.DueOn, a.CompletedAt is not null))])).ToList();
        return new View(pairingId, pair.Program.Name, pair.Me, pair.Label(pair.Me), pair.Label(pair.Partner.Role), pair.Partner.Person.Name,
            pair.Mine.Zone.Id, pair.Partner.Zone.Id, pair.Program.MinutesPerMeeting, pair.Pairing.Status == PairingStatus.Active, views,
            Ledger.For(pair.Pairing, pair.Program, meetings, items, now));
    }
}
