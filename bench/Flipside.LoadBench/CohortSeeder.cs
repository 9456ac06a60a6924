using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.LoadBench;

/// <summary>
/// A cohort of leaders and mentors with finished matching profiles, written straight to a demo database (the app must
/// not be running): the state a cohort reaches when everyone has answered and it moves to matching. Seeded, so every
/// run of the benchmark matches the same people.
/// </summary>
public static class CohortSeeder
{
    private static readonly string[] Topics =
        ["Generative AI", "Prompt writing", "Short video", "Instagram for brands", "Collaboration tools", "Data visualisation", "No-code automation",
         "LinkedIn presence", "Podcasting", "Gen Z expectations", "Remote teamwork", "Online communities", "Accessibility", "Sustainability reporting",
         "Cyber hygiene", "Mobile-first design", "Inclusive language", "Frontline tools", "Analytics dashboards", "Livestreaming"];
    private static readonly string[] Interests =
        ["Running", "Chess", "Cooking", "Photography", "Climbing", "Gaming", "Gardening", "Jazz", "Football", "Yoga", "Cycling", "Board games",
         "Film", "Travel", "Reading", "Volunteering"];
    private static readonly string[] Departments = ["Engineering", "Marketing", "Sales", "Finance", "People & Culture", "Operations", "Customer Service", "Data"];
    private static readonly (string City, string Zone)[] Offices =
        [("London", "Europe/London"), ("Berlin", "Europe/Berlin"), ("New York", "America/New_York"), ("Chicago", "America/Chicago"), ("Singapore", "Asia/Singapore")];

    public static async Task<int> Seed(string dataDirectory, int leaders, int mentors)
    {
        var file = Path.Combine(Path.GetFullPath(dataDirectory), "flipside.db");
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"no database at {file}: start the app once with --demo --data {dataDirectory}, stop it, then seed");
            return 1;
        }
        await using var db = new SqliteFlipsideDb(new DbContextOptionsBuilder<SqliteFlipsideDb>().UseSqlite($"Data Source={file}").Options);
        var program = await db.Programs.OrderBy(p => p.CreatedAt).FirstOrDefaultAsync();
        if (program is null)
        {
            Console.Error.WriteLine("the database has no program: seed a demo database (--demo)");
            return 1;
        }
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var cohort = new Cohort(program.Id, $"Benchmark wave {now:HHmmss}", today.AddDays(30), today.AddMonths(7), Math.Max(leaders, 1));
        cohort.MoveTo(CohortStatus.Enrolling, 0);
        cohort.MoveTo(CohortStatus.Matching, 0);
        db.Cohorts.Add(cohort);

        var random = new Random(20261207);
        var tag = now.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < leaders + mentors; i++)
        {
            var mentor = i >= leaders;
            var office = Offices[random.Next(Offices.Length)];
            var id = $"{(mentor ? "BM" : "BL")}{tag}{i:D5}";
            var person = new Person(id)
            {
                Name = $"{(mentor ? "Mentor" : "Leader")} {i:D5}", Email = $"{id.ToLowerInvariant()}@bench.example", Grade = mentor ? 2 + random.Next(2) : 8 + random.Next(3),
                Department = Departments[random.Next(Departments.Length)], Location = office.City, TimeZone = office.Zone, Languages = "en",
                Title = mentor ? "Analyst" : "Director", HireDate = today.AddYears(-2 - random.Next(10)), BirthYear = mentor ? 1998 + random.Next(6) : 1965 + random.Next(15),
            };
            db.People.Add(person);
            var enrollment = Enrollment.Invite(cohort.Id, person.Id, mentor ? ParticipantRole.Mentor : ParticipantRole.Mentee, now);
            enrollment.Accept(needsManagerApproval: false, approvalTokenHash: null, now);
            db.Enrollments.Add(enrollment);
            db.Profiles.Add(Profile(enrollment.Id, mentor, random, now));
        }
        await db.SaveChangesAsync();
        Console.WriteLine(cohort.Id);
        return 0;
    }

    private static Profile Profile(Guid enrollmentId, bool mentor, Random random, DateTimeOffset now)
    {
        var profile = new Profile(enrollmentId)
        {
            Languages = random.Next(4) == 0 ? ["English", "Spanish"] : ["English"],
            Interests = [.. Pick(Interests, 2 + random.Next(2), random)],
            CommunicationStyle = 1 + random.Next(5),
            MeetingMode = (MeetingMode)random.Next(3),
            Availability = [.. Week(random)],
            HopeToGive = mentor ? "Show what the tools can do" : "Share how decisions get made",
            HopeToGet = mentor ? "Visibility and a view of strategy" : "Hands-on fluency",
            UpdatedAt = now,
            CompletedAt = now,
        };
        foreach (var (topic, n) in Pick(Topics, 3, random).Select((t, n) => (t, n)))
            profile.Topics.Add(new ProfileTopic(mentor ? TopicKind.Skill : TopicKind.LearningGoal, topic, mentor ? 3 + random.Next(3) : n + 1));
        return profile;
    }

    // Two or three working-day blocks of two or three hours, in the person's own time zone.
    private static IEnumerable<int> Week(Random random)
    {
        var hours = new SortedSet<int>();
        for (var b = 0; b < 2 + random.Next(2); b++)
        {
            var start = random.Next(5) * 24 + 9 + random.Next(7);
            for (var h = 0; h < 2 + random.Next(2); h++) hours.Add(start + h);
        }
        return hours;
    }

    private static IEnumerable<string> Pick(string[] from, int count, Random random) => from.OrderBy(_ => random.Next()).Take(count).ToArray();
}
