using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>
/// When a pairing ends, however it ends (a partner, a manager, a withdrawal, the directory), its planned meetings are
/// cancelled and each partner's calendar gets the CANCEL for the event it was sent (same UID, next SEQUENCE), as
/// <see cref="CancelMeeting"/> sends it. The email says only that the program has ended the pairing: never who, never why.
/// </summary>
public static class EndedPairingMeetings
{
    /// <summary>
    /// Stages the cancellations with the ending; the caller saves them together. The pairing comes with its program and
    /// both people loaded. Someone who has left the organisation gets no mail: their mailbox and calendar went with them.
    /// Without a public address (the directory's leavers) the files carry no link back.
    /// </summary>
    public static async Task Stage(FlipsideDb db, Pairing pairing, string? baseUrl, DateTimeOffset now, CancellationToken ct)
    {
        var planned = await db.Meetings.Where(m => m.PairingId == pairing.Id && Meeting.Planned.Contains(m.Status)).ToListAsync(ct);
        if (planned.Count == 0) return;
        var pair = new PairContext(pairing, pairing.Cohort.Program,
            new(ParticipantRole.Mentor, pairing.MentorEnrollment.Person, new HashSet<int>()),
            new(ParticipantRole.Mentee, pairing.MenteeEnrollment.Person, new HashSet<int>()), ParticipantRole.Mentor);
        foreach (var meeting in planned)
        {
            meeting.CancelBecausePairingEnded(now);
            // A directory import switches change detection off; the entry is marked here so the save sees it either way.
            db.Entry(meeting).DetectChanges();
            foreach (var reader in new[] { pair.Mentor, pair.Mentee })
                if (reader.Person.Status != PersonStatus.Left)
                    db.Outbox.Add(MeetingEmails.For(pair, meeting, reader, MeetingEmails.PairingEnded, baseUrl ?? "", now));
        }
    }
}
