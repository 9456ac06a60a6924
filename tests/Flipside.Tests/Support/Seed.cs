using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Support;

/// <summary>
/// Directory people and programs written straight to the database, for tests whose subject is what
/// comes after (enrolment, profiles). Their own features are tested through the front door elsewhere.
/// </summary>
public static class Seed
{
    public static Person APerson(string employeeId, int grade, int tenureMonths = 36, string? manager = null, string department = "Operations") =>
        new(employeeId)
        {
            Name = $"Person {employeeId}",
            Email = $"{employeeId.ToLowerInvariant()}@example.com",
            Title = grade >= 7 ? "Director" : "Associate",
            Grade = grade,
            Department = department,
            Location = "London",
            TimeZone = "Europe/London",
            ManagerEmployeeId = manager,
            HireDate = DateOnly.FromDateTime(FlipsideFactory.Start.UtcDateTime).AddMonths(-tenureMonths),
            Languages = "en",
        };

    public static async Task People(FlipsideFactory app, params Person[] people) =>
        await app.Query(async db =>
        {
            db.People.AddRange(people);
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// A directory entry for an account's email: pulse flags reach only readers the directory places outside the leader's
    /// reporting line, so a manager who must see them has to be someone in it.
    /// </summary>
    public static async Task<Person> InTheDirectory(FlipsideFactory app, string email, string employeeId = "STAFF-1")
    {
        var person = APerson(employeeId, 6);
        person.Email = email.ToLowerInvariant();
        await People(app, person);
        return person;
    }

    /// <summary>A program managed by the account with this email, with one cohort in the given state.</summary>
    public static async Task<(Guid ProgramId, Guid CohortId)> AProgram(FlipsideFactory app, string managerEmail, Action<MentoringProgram>? configure = null,
        CohortStatus status = CohortStatus.Enrolling, bool openForApplications = false)
    {
        return await app.Query(async db =>
        {
            var managerId = await db.Users.Where(u => u.Email == managerEmail).Select(u => u.Id).SingleAsync();
            var program = new MentoringProgram("Digital fluency", managerId, FlipsideFactory.Start) { Purpose = "Leaders learn today's tools from those who live in them." };
            configure?.Invoke(program);
            var cohort = new Cohort(program.Id, "Pilot", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30), 11) { OpenForApplications = openForApplications };
            for (var s = CohortStatus.Enrolling; s <= status; s++) cohort.MoveTo(s, pairingsReady: 1); // seeded as if its pairings were ready
            program.Cohorts.Add(cohort);
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            return (program.Id, cohort.Id);
        });
    }
}
