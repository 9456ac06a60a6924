using System.Globalization;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.LoadBench;

/// <summary>
/// A running cohort with published pairings and a history of meetings, written straight to a demo database (the app
/// must not be running), for the cohort's meetings page and a person's calendar feed. The first leader's pairing holds
/// the feed's meetings; the rest are spread over the other pairings. Meetings are made through the domain's own
/// methods (held, not held, cancelled late or early by either side, proposed, accepted), but what each partner learned
/// stays unsealed: the pages measured never read it. Seeded, so every run builds the same history.
/// </summary>
public static class MeetingsSeeder
{
    public static async Task<int> Seed(string dataDirectory, int pairings, int meetings, int feedMeetings)
    {
        var file = Path.Combine(Path.GetFullPath(dataDirectory), "flipside.db");
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"no database at {file}: start the app once with --demo --data {dataDirectory}, stop it, then seed");
            return 1;
        }
        if (pairings < 2 || feedMeetings > meetings - (pairings - 1))
        {
            Console.Error.WriteLine("need at least two pairings and one meeting for every pairing besides the feed's");
            return 2;
        }
        await using var db = new SqliteFlipsideDb(new DbContextOptionsBuilder<SqliteFlipsideDb>().UseSqlite($"Data Source={file}").Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var program = await db.Programs.OrderBy(p => p.CreatedAt).FirstOrDefaultAsync();
        if (program is null)
        {
            Console.Error.WriteLine("the database has no program: seed a demo database (--demo)");
            return 1;
        }
        var now = DateTimeOffset.UtcNow;
        var started = now.AddDays(-7 * 30);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var tag = now.ToString("HHmmss", CultureInfo.InvariantCulture);
        var cohort = new Cohort(program.Id, $"Meetings benchmark {tag}", DateOnly.FromDateTime(started.UtcDateTime), today.AddMonths(3), pairings);
        cohort.MoveTo(CohortStatus.Enrolling, 0);
        cohort.MoveTo(CohortStatus.Matching, 0);
        cohort.MoveTo(CohortStatus.Active, pairings);
        db.Cohorts.Add(cohort);

        var random = new Random(20261207);
        var reasons = new Pairing.Reasons(["Seeded for the benchmark"], ["Seeded"], ["Seeded"]);
        Guid feedPerson = default;
        var made = 0;
        for (var i = 0; i < pairings; i++)
        {
            var enrollments = new Guid[2];
            foreach (var mentor in new[] { true, false })
            {
                var id = $"{(mentor ? "SM" : "SL")}{tag}{i:D5}";
                var person = new Person(id)
                {
                    Name = $"{(mentor ? "Mentor" : "Leader")} {i:D5}", Email = $"{id.ToLowerInvariant()}@bench.example", Grade = mentor ? 3 : 9,
                    Department = "Operations", Location = "London", TimeZone = "Europe/London", Languages = "en", Title = mentor ? "Analyst" : "Director",
                };
                db.People.Add(person);
                var enrollment = Enrollment.Invite(cohort.Id, person.Id, mentor ? ParticipantRole.Mentor : ParticipantRole.Mentee, started);
                enrollment.Accept(needsManagerApproval: false, approvalTokenHash: null, started);
                db.Enrollments.Add(enrollment);
                enrollments[mentor ? 0 : 1] = enrollment.Id;
                if (i == 0 && !mentor) feedPerson = person.Id;
            }
            var pairing = new Pairing(cohort.Id, enrollments[0], enrollments[1], 100, reasons, null, started);
            pairing.Approve("bench", started);
            pairing.Publish(started);
            db.Pairings.Add(pairing);
            // The feed's pairing takes its share; the rest is spread evenly, the first pairings one more.
            var rest = meetings - feedMeetings;
            var count = i == 0 ? feedMeetings : rest / (pairings - 1) + (i - 1 < rest % (pairings - 1) ? 1 : 0);
            for (var m = 0; m < count; m++, made++) AddMeeting(db, pairing.Id, started, now, m, count, random);
        }
        var token = Tokens.New();
        db.CalendarFeeds.Add(new CalendarFeed(feedPerson, Tokens.Hash(token), now));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        Console.WriteLine($"cohort {cohort.Id}");
        Console.WriteLine($"feed {Flipside.Features.Sessions.CalendarFeeds.FeedPath}{token}.ics");
        Console.Error.WriteLine($"{pairings} published pairings, {made} meetings, {feedMeetings} of them in the feed");
        return 0;
    }

    // Meetings a week or so apart, ending a few weeks ahead of now: past ones held (a leader's action item most times),
    // not held or cancelled; future ones proposed, accepted or cancelled.
    private static void AddMeeting(FlipsideDb db, Guid pairingId, DateTimeOffset started, DateTimeOffset now, int index, int count, Random random)
    {
        var span = now.AddDays(28) - started;
        var startsAt = started.AddTicks(span.Ticks / count * index).AddHours(random.Next(-48, 48));
        var proposedAt = startsAt.AddDays(-7);
        var by = random.Next(2) == 0 ? ParticipantRole.Mentor : ParticipantRole.Mentee;
        var other = by == ParticipantRole.Mentor ? ParticipantRole.Mentee : ParticipantRole.Mentor;
        var meeting = new Meeting(pairingId, startsAt, 60, "https://meet.example/bench", by, proposedAt);
        var roll = random.Next(10);
        if (roll == 0) meeting.Cancel(other, startsAt.AddHours(-random.Next(1, 72)));
        else if (startsAt > now)
        {
            if (roll > 4) meeting.Accept(other, proposedAt.AddHours(1));
        }
        else
        {
            meeting.Accept(other, proposedAt.AddHours(1));
            var held = roll > 1;
            meeting.Log(by, held, null, held ? null : other, held ? ["Tools", "Strategy"] : [], startsAt.AddHours(2));
            if (held && roll > 3)
            {
                var item = new ActionItem(meeting.Id, pairingId, "Try the tool shown before the next meeting", ParticipantRole.Mentee, DateOnly.FromDateTime(startsAt.AddDays(7).UtcDateTime), startsAt.AddHours(2));
                if (roll > 5) item.Complete(true, startsAt.AddDays(3));
                db.ActionItems.Add(item);
            }
        }
        db.Meetings.Add(meeting);
    }
}
