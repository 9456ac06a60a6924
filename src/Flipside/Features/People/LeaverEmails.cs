using Flipside.Data;
using Flipside.Domain;

namespace Flipside.Features.People;

/// <summary>What a program's managers are told when people in it leave the organisation.</summary>
internal static class LeaverEmails
{
    public static OutboxMessage ToManager(FlipsideUser manager, MentoringProgram program, IReadOnlyList<Domain.Enrollment> ended, DateTimeOffset now)
    {
        var names = ended.Select(e => e.Person.Name).Distinct().ToList();
        var subject = names.Count == 1
            ? $"{names[0]} has left the organisation: their place in {program.Name} has ended"
            : $"{Words.Count(names.Count, "person")} in {program.Name} have left the organisation";
        var lines = string.Join("\n", ended.OrderBy(e => e.Person.Name, StringComparer.Ordinal)
            .Select(e => $"- {e.Person.Name} ({e.Person.EmployeeId}), {(e.Role == ParticipantRole.Mentor ? program.MentorLabel : program.MenteeLabel)} in {e.Cohort.Name}"));
        return new OutboxMessage(manager.Email!, subject, $"""
            Hello {(manager.DisplayName.Length > 0 ? manager.DisplayName : manager.Email)},

            The directory now records {(names.Count == 1 ? "this person" : "these people")} as having left the organisation,
            so {(ended.Count == 1 ? "this place" : "these places")} in {program.Name} ended and no longer count towards the cohort's readiness:

            {lines}

            A pairing one of them was in has ended, and their partner was told only that the program ended it: you can pair
            the partner again from the cohort's matching board. If someone was marked as left by mistake, an administrator
            can set them back to active in the directory.
            """, null, now).ForProgram(program.Id);
    }
}
