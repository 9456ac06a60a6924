using Flipside.Domain;

namespace Flipside.Features.Enrollment;

/// <summary>The emails enrolment writes to the outbox. Plain words; every one says what to do next.</summary>
public static class EnrollmentEmails
{
    public static OutboxMessage Invitation(Person person, Cohort cohort, ParticipantRole role, string baseUrl, string? accountLink, DateTimeOffset now)
    {
        var program = cohort.Program;
        var part = role == ParticipantRole.Mentor ? program.MentorLabel : program.MenteeLabel;
        var next = accountLink is null
            ? $"Sign in to Flipside to accept or decline: {baseUrl}/Enrollment/Mine"
            : $"First choose your Flipside password here (the link works once, for 7 days): {accountLink}\nThen you can accept or decline under \"My programs\".";
        return new OutboxMessage(person.Email, $"Would you join {program.Name} as {Words.WithArticle(part)}?", $"""
            Hello {person.Name},

            You are invited to take part in {program.Name} ({cohort.Name}) as {Words.WithArticle(part)}.
            {program.Purpose}

            Pairs meet for {program.DescribeCadence()} over {Words.Count(program.DurationMonths, "month")}. Taking part is your choice,
            and you can leave at any time without giving a reason.

            {next}
            """, null, now).ForProgram(program.Id);
    }

    /// <summary>
    /// Asks the mentor's line manager to agree to the time. <paramref name="invited"/> says how the mentor came to the
    /// program: a program manager invited them and they accepted, or they volunteered and were taken in.
    /// </summary>
    public static OutboxMessage ManagerApproval(Person manager, Person mentor, Cohort cohort, bool invited, string link, DateTimeOffset now)
    {
        var program = cohort.Program;
        var how = invited
            ? $"{mentor.Name} was invited to take part in {program.Name} ({cohort.Name}) as {Words.WithArticle(program.MentorLabel)} and has accepted"
            : $"{mentor.Name} has volunteered as {Words.WithArticle(program.MentorLabel)} in {program.Name} ({cohort.Name})";
        return new OutboxMessage(manager.Email, $"{mentor.Name} would like to join {program.Name}", $"""
            Hello {manager.Name},

            {how}: junior colleagues help senior leaders learn, for {program.DescribeCadence()} over {Words.Count(program.DurationMonths, "month")}.
            The program asks line managers to agree to the time this takes.

            Approve or decline here: {link}
            """, null, now).ForProgram(program.Id);
    }

    public static OutboxMessage ManagerAnswered(Domain.Enrollment e, bool approved, string baseUrl, DateTimeOffset now)
    {
        var program = e.Cohort.Program;
        return approved
            ? new OutboxMessage(e.Person.Email, $"You are in {program.Name}", $"""
                Hello {e.Person.Name},

                Your line manager agreed to the time {program.Name} ({e.Cohort.Name}) takes, so you are in as {Words.WithArticle(program.MentorLabel)}.
                Next, fill in your matching profile (about five minutes): {baseUrl}/Enrollment/Mine
                """, null, now).ForProgram(program.Id)
            : new OutboxMessage(e.Person.Email, $"Your place in {program.Name} was not approved", $"""
                Hello {e.Person.Name},

                Your line manager did not approve the time for {program.Name} ({e.Cohort.Name}) this round, so you are not enrolled.
                Nothing else is recorded about it. If you would like to try again, talk with your manager or the program team;
                you are welcome to apply to a later cohort.
                """, null, now).ForProgram(program.Id);
    }

    public static OutboxMessage ProfileReminder(Person person, Cohort cohort, string baseUrl, DateTimeOffset now) =>
        new OutboxMessage(person.Email, $"One step left for {cohort.Program.Name}: your matching profile", $"""
            Hello {person.Name},

            Your profile for {cohort.Program.Name} ({cohort.Name}) is not finished yet. It takes about five minutes and
            decides who you are paired with: what you can share, what you want to learn, and when you are free.

            Finish it here: {baseUrl}/Enrollment/Mine
            """, null, now).ForProgram(cohort.ProgramId);
}
