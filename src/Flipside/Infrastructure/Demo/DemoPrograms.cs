using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Programs;

namespace Flipside.Infrastructure.Demo;

/// <summary>
/// Two programs for the demo: "Digital fluency" with a pilot of 11 leaders and 11 mentors whose profiles
/// are complete (ready to match), and "Gen Z values", still enrolling and open to volunteers.
/// </summary>
public static class DemoPrograms
{
    public const int PilotPairs = 11;

    private static readonly string[] MentorSkills =
        ["Generative AI", "Prompt writing", "TikTok and short video", "Instagram for brands", "Collaboration tools", "Data visualisation",
         "No-code automation", "LinkedIn presence", "Podcasting", "Gen Z expectations", "Remote teamwork", "Online communities"];

    public static void Add(FlipsideDb db, IReadOnlyList<Person> people, string managerUserId, DateTimeOffset now)
    {
        var random = new Random(DemoOrganisation.Seed);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var digital = FromTemplate("digital-fluency", managerUserId, now);
        var pilot = new Cohort(digital.Id, "Pilot", today.AddDays(14), today.AddDays(14).AddMonths(digital.DurationMonths), PilotPairs);
        digital.Cohorts.Add(pilot);
        pilot.MoveTo(CohortStatus.Enrolling);

        // The demo's own sign-ins take part, so "leader@" and "mentor@" see a real enrolment.
        var leaders = people.Where(p => p.Email == "leader@flipside.demo")
            .Concat(people.Where(p => p.Grade >= 8 && p.Email != "leader@flipside.demo" && p.Status == PersonStatus.Active).OrderBy(p => p.EmployeeId))
            .Take(PilotPairs).ToList();
        var mentors = people.Where(p => p.Email == "mentor@flipside.demo")
            .Concat(people.Where(p => p.Grade <= 3 && p.Email != "mentor@flipside.demo" && p.Status == PersonStatus.Active && p.TenureMonths(today) >= 12)
                .OrderBy(p => p.EmployeeId))
            .Take(PilotPairs).ToList();
        foreach (var (person, role) in leaders.Select(p => (p, ParticipantRole.Mentee)).Concat(mentors.Select(p => (p, ParticipantRole.Mentor))))
        {
            var (enrollment, profile) = Enrolled(digital, pilot, person, role, random, now);
            pilot.Enrollments.Add(enrollment);
            db.Profiles.Add(profile);
        }

        var genZ = FromTemplate("gen-z-values", managerUserId, now);
        var wave = new Cohort(genZ.Id, "Wave 1", today.AddMonths(2), today.AddMonths(2 + genZ.DurationMonths), 20) { OpenForApplications = true };
        genZ.Cohorts.Add(wave);
        wave.MoveTo(CohortStatus.Enrolling);
        foreach (var leader in people.Where(p => p.Grade == 7 && p.Status == PersonStatus.Active).OrderBy(p => p.EmployeeId).Take(4))
            wave.Enrollments.Add(Enrollment.Invite(wave.Id, leader.Id, ParticipantRole.Mentee, now));

        db.Programs.AddRange(digital, genZ);
    }

    private static MentoringProgram FromTemplate(string key, string managerUserId, DateTimeOffset now)
    {
        var input = ProgramTemplates.All.Single(t => t.Key == key).Build();
        input.Normalise();
        var program = new MentoringProgram(input.Name, managerUserId, now);
        input.ApplyTo(program);
        return program;
    }

    private static (Enrollment, Profile) Enrolled(MentoringProgram program, Cohort cohort, Person person, ParticipantRole role, Random random, DateTimeOffset now)
    {
        var enrollment = Enrollment.Invite(cohort.Id, person.Id, role, now);
        enrollment.Accept(needsManagerApproval: false, approvalTokenHash: null, now);
        var mentor = role == ParticipantRole.Mentor;
        var topics = random.GetItems(mentor ? MentorSkills : [.. program.FocusAreas, .. MentorSkills.Take(6)], 4).Distinct(StringComparer.Ordinal).Take(3);
        var profile = new Profile(enrollment.Id)
        {
            Interests = [.. random.GetItems<string>(["running", "cooking", "jazz", "football", "photography", "gaming", "gardening", "travel", "chess"], 3).Distinct()],
            CommunicationStyle = mentor ? random.Next(1, 4) : random.Next(3, 6),
            MeetingMode = (MeetingMode)random.Next(0, 3),
            Availability = WeeklyHours(random),
            Languages = [.. person.Languages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            HopeToGive = mentor ? "Show how my generation uses these tools day to day." : "Perspective on how decisions get made and what matters at the top.",
            HopeToGet = mentor ? "Understand how strategy is set, and get visible." : "Hands-on confidence with the tools my teams use.",
            UpdatedAt = now,
            CompletedAt = now,
        };
        profile.Topics.AddRange(topics.Select((t, i) => new ProfileTopic(mentor ? TopicKind.Skill : TopicKind.LearningGoal, t, mentor ? 5 - i : i + 1)));
        return (enrollment, profile);
    }

    /// <summary>Two weekday blocks of two hours in office time, in the person's own time zone.</summary>
    private static List<int> WeeklyHours(Random random)
    {
        var hours = new List<int>();
        foreach (var day in random.GetItems([0, 1, 2, 3, 4], 2).Distinct())
        {
            var start = random.Next(8, 16);
            hours.AddRange([day * 24 + start, day * 24 + start + 1]);
        }
        return [.. hours.Order()];
    }
}
