using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Pairings;
using Flipside.Features.Shared;

namespace Flipside.Features.Programs;

/// <summary>
/// The emails about the programs a viewer manages (invitations with their account links, approvals, reminders,
/// introductions), so that a program manager can read them and pass them on by hand when no mail server is set up.
/// A notice that a pairing was paused or ended shows only to the manager it was written to: none is written to a
/// manager in the leader's reporting line, who must not read it in a colleague's copy either; and the partner's
/// "your pairing has ended" is not shown at all, since whom it went to says who ended it.
/// </summary>
public static class ProgramOutbox
{
    public static IQueryable<OutboxMessage> Messages(Viewer viewer, FlipsideDb db)
    {
        var programs = viewer.ManagedPrograms.Select(p => p.Id);
        var email = viewer.Email;
        // "Your pairing has ended" is never listed: which partner was told would say which one left. Nor is anything about
        // a pair's own running of the relationship: meeting invites (with their video links), message notices and their
        // reminders are the pair's; managers see the counts on the cohort's meetings page.
        return db.Outbox.Where(m => m.ProgramId != null && programs.Contains(m.ProgramId.Value) && m.Kind != PairingEmails.EndedKind
            && (m.Kind != PairingEmails.ExitKind || m.To.ToLower() == email)
            && (m.Kind == null || !(m.Kind.StartsWith(PairsOwnKinds[0]) || m.Kind.StartsWith(PairsOwnKinds[1]) || m.Kind.StartsWith(PairsOwnKinds[2])
                || m.Kind.StartsWith(PairsOwnKinds[3]) || m.Kind.StartsWith(PairsOwnKinds[4]))));
    }

    /// <summary>
    /// The prefixes of the kinds of email that belong to a pair alone: invites, message notices, nudges, kudos (with their
    /// words), and responses to their insights (whom a response went to would say which pair raised the insight).
    /// </summary>
    public static readonly string[] PairsOwnKinds = ["meeting-", "message-", "nudge-", "kudos-", "insight-"];
}
