using Flipside.Domain;

namespace Flipside.Features.Pairings;

/// <summary>
/// The emails a pairing sends. Each says only what both partners may see: the other's name and role, why they
/// were matched in the reader's own words, and what comes next. Never a score, never anyone else's pairing, and
/// never who ended a pairing or why.
/// </summary>
public static class PairingEmails
{
    public const string IntroductionKind = "pairing-introduction";
    public const string EndedKind = "pairing-ended";
    /// <summary>A notice to one program manager that a pairing was paused or ended; see <see cref="ToManager"/>.</summary>
    public const string ExitKind = "pairing-exit";

    public sealed record Side(Person Person, IReadOnlyList<string> Reasons);

    public static OutboxMessage Introduction(Pairing pairing, MentoringProgram program, Cohort cohort, Side reader, Side partner, ParticipantRole readerRole,
        string baseUrl, DateTimeOffset now)
    {
        var partnerRole = readerRole == ParticipantRole.Mentor ? program.MenteeLabel : program.MentorLabel;
        var firstMove = program.FirstContactBy == readerRole
            ? $"The program asks you to make first contact: write to {partner.Person.Name} ({partner.Person.Email}) this week to agree a first meeting."
            : $"The program asks {FirstName(partner.Person.Name)} to make first contact, so expect a message from them this week.";
        var why = reader.Reasons.Count == 0 ? "" : "Why you were matched:\n" + string.Join("\n", reader.Reasons.Select(r => $"- {r}")) + "\n\n";
        return new OutboxMessage(reader.Person.Email, $"Meet your {partnerRole} in {program.Name}: {partner.Person.Name}", $"""
            Hello {reader.Person.Name},

            You are paired with {partner.Person.Name}{(partner.Person.Title.Length > 0 ? $", {partner.Person.Title}" : "")}, as your {partnerRole} in {program.Name} ({cohort.Name}).

            {why}{firstMove}
            Pairs meet for {program.DescribeCadence()} over {Words.Count(program.DurationMonths, "month")}. What you talk about stays between the two of you.
            Either of you can pause or end the pairing at any time, privately and without fault, from "My programs".

            Your pairing: {baseUrl}/Enrollment/Mine
            """, null, now).ForProgram(program.Id).About(IntroductionKind, $"pairing:{pairing.Id}/{readerRole.ToString().ToLowerInvariant()}");
    }

    /// <summary>To the partner of whoever ended it: that it ended, never who asked or why.</summary>
    public static OutboxMessage Ended(Pairing pairing, MentoringProgram program, Person reader, string? baseUrl, DateTimeOffset now) =>
        new OutboxMessage(reader.Email, $"Your pairing in {program.Name} has ended", $"""
            Hello {reader.Name},

            The program has ended this pairing. This is not a judgement on anyone: pairings end for many reasons.
            If you would like a new match, the program manager can find one; you can also reply to them directly.
            {(baseUrl is null ? "" : $"\n{baseUrl}/Enrollment/Mine")}
            """, null, now).ForProgram(program.Id).About(EndedKind, $"pairing:{pairing.Id}/{reader.Id}");

    /// <summary>
    /// To one of the program's managers: a pairing ended or paused; the reason is on the board, not in the email. None is
    /// written to a manager in the leader's reporting line, and the program's outbox shows each copy only to the manager
    /// it is addressed to, so such a manager never reads it in a colleague's copy either.
    /// </summary>
    public static OutboxMessage ToManager(Pairing pairing, MentoringProgram program, Cohort cohort, string managerEmail, string what, string baseUrl, DateTimeOffset now) =>
        new OutboxMessage(managerEmail, $"A pairing in {program.Name} was {what}", $"""
            Hello,

            A pairing in {program.Name} ({cohort.Name}) was {what}{(pairing.RematchRequested ? ", and a new match was asked for" : "")}.
            The reason, if one was given, is for you alone: read it on the matching board.

            {baseUrl}/Matching/Board?cohortId={cohort.Id}
            """, null, now).ForProgram(program.Id).About(ExitKind, $"pairing:{pairing.Id}/{now.ToUnixTimeMilliseconds()}/{managerEmail}");

    private static string FirstName(string name) => name.Split(' ')[0];
}
