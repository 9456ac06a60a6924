using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Enrollment;
using Flipside.Features.Matching;
using Flipside.Features.Programs;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Flipside.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Infrastructure.Demo;

/// <summary>
/// Two programs for the demo: "Digital fluency" with a pilot of 11 leaders and 11 mentors, matched and published, and a
/// second wave whose profiles are complete (ready to match); and "Gen Z values", still enrolling and open to volunteers. Built through the
/// same use cases the manager and the participants use, so the demo cannot hold anything the app would refuse.
/// </summary>
public static class DemoPrograms
{
    public const int PilotPairs = 11;
    public const int Wave2Pairs = 6;
    /// <summary>How long ago the pilot was published: four months of meetings and a few days to sign and set goals.</summary>
    public const int PilotHistoryDays = 130;

    private static readonly string[] MentorSkills =
        ["Generative AI", "Prompt writing", "TikTok and short video", "Instagram for brands", "Collaboration tools", "Data visualisation",
         "No-code automation", "LinkedIn presence", "Podcasting", "Gen Z expectations", "Remote teamwork", "Online communities"];

    public static async Task AddAsync(FlipsideDb db, IReadOnlyList<Person> people, Viewer manager, string baseUrl, TimeProvider real, Envelope envelope,
        CancellationToken ct)
    {
        var random = new Random(DemoOrganisation.Seed);
        var today = DateOnly.FromDateTime(real.GetUtcNow().UtcDateTime);
        // The pilot was set up and published months ago: its program and cohort are made on a clock set back that far,
        // which then walks its history forward to today.
        var clock = new ShiftedClock(real, -TimeSpan.FromDays(PilotHistoryDays));
        var pilotDay = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var digital = await Program("digital-fluency", manager, db, clock, ct);
        // The demo's sponsor backs the pilot's program, so their home shows what a sponsor sees.
        Must(await ProgramSponsors.Add(digital.Id, "sponsor@flipside.demo", manager, db, clock, ct));
        var pilot = await Cohort(digital, "Pilot", pilotDay.AddDays(7), digital.DurationMonths, PilotPairs, open: false, manager, db, clock, ct);
        Must(await MoveCohort.Handle(new(digital.Id, pilot, CohortStatus.Enrolling), manager, db, clock, ct));
        // The demo's own sign-ins take part, so "leader@" and "mentor@" see a real enrolment.
        var leaders = people.Where(p => p.Email == "leader@flipside.demo")
            .Concat(people.Where(p => p.Grade >= 8 && p.Email != "leader@flipside.demo" && p.Status == PersonStatus.Active).OrderBy(p => p.EmployeeId))
            .Take(PilotPairs).ToList();
        var mentors = people.Where(p => p.Email == "mentor@flipside.demo")
            .Concat(people.Where(p => p.Grade <= 3 && p.Email != "mentor@flipside.demo" && p.Status == PersonStatus.Active && p.TenureMonths(pilotDay) >= 12)
                .OrderBy(p => p.EmployeeId))
            .Take(PilotPairs).ToList();
        await Enrol(digital, pilot, leaders, mentors, random, manager, baseUrl, db, clock, ct);
        // The pilot is matched and published, as its manager would: so the demo's leader and mentor see their pairing.
        Must(await MoveCohort.Handle(new(digital.Id, pilot, CohortStatus.Matching), manager, db, clock, ct));
        Must(await RunMatching.Handle(new(pilot, WeightPresets.Find("skills-first")!.Weights, MatchObjective.MostPairs), manager, db, clock, ct));
        Must(await DecidePairing.ApproveAll(pilot, manager, db, clock, ct));
        Must(await PublishPairings.Handle(pilot, manager, baseUrl, db, clock, ct));
        await new DemoPilot(db, clock, baseUrl, new PairingSecrets(db, envelope, clock), new Pseudonyms(db, envelope, clock), ct).PlayAsync(digital.Id, pilot);
        await DemoCelebration.PlayAsync(pilot, manager, db, clock, baseUrl, ct);

        // A second wave whose profiles are in: ready for the manager to run matching.
        var wave2 = await Cohort(digital, "Wave 2", today.AddMonths(3), digital.DurationMonths, Wave2Pairs, open: false, manager, db, real, ct);
        Must(await MoveCohort.Handle(new(digital.Id, wave2, CohortStatus.Enrolling), manager, db, real, ct));
        var taken = leaders.Concat(mentors).Select(p => p.Id).ToHashSet();
        await Enrol(digital, wave2,
            [.. people.Where(p => p.Grade >= 8 && p.Status == PersonStatus.Active && !taken.Contains(p.Id)).OrderBy(p => p.EmployeeId).Take(Wave2Pairs)],
            [.. people.Where(p => p.Grade <= 3 && p.Status == PersonStatus.Active && p.TenureMonths(today) >= 12 && !taken.Contains(p.Id)).OrderBy(p => p.EmployeeId).Take(Wave2Pairs)],
            random, manager, baseUrl, db, real, ct);
        Must(await MoveCohort.Handle(new(digital.Id, wave2, CohortStatus.Matching), manager, db, real, ct));

        var genZ = await Program("gen-z-values", manager, db, real, ct);
        var wave = await Cohort(genZ, "Wave 1", today.AddMonths(2), genZ.DurationMonths, 20, open: true, manager, db, real, ct);
        Must(await MoveCohort.Handle(new(genZ.Id, wave, CohortStatus.Enrolling), manager, db, real, ct));
        var invited = people.Where(p => p.Grade == 7 && p.Status == PersonStatus.Active).OrderBy(p => p.EmployeeId).Take(4).ToList();
        await Invite(wave, ParticipantRole.Mentee, invited, manager, baseUrl, db, real, ct);
    }

    private static async Task Enrol(MentoringProgram program, Guid cohort, IReadOnlyList<Person> leaders, IReadOnlyList<Person> mentors, Random random,
        Viewer manager, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        await Invite(cohort, ParticipantRole.Mentee, leaders, manager, baseUrl, db, clock, ct);
        await Invite(cohort, ParticipantRole.Mentor, mentors, manager, baseUrl, db, clock, ct);
        foreach (var (person, role) in leaders.Select(p => (p, ParticipantRole.Mentee)).Concat(mentors.Select(p => (p, ParticipantRole.Mentor))))
        {
            var self = Viewer.Acting(db, "", person.Email, Roles.Participant);
            var enrollment = await self.OwnEnrollments.Where(e => e.CohortId == cohort).Select(e => e.Id).SingleAsync(ct);
            Must(await AnswerInvitation.Accept(enrollment, self, baseUrl, db, clock, ct));
            Must(await SaveProfile.Handle(enrollment, Profile(program, person, role, random), self, db, clock, ct));
            await DemoTraining.CompleteRequired(program.Id, self, db, clock, ct);
        }
    }

    private static async Task<MentoringProgram> Program(string template, Viewer manager, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var id = Must(await CreateProgram.Handle(ProgramTemplates.All.Single(t => t.Key == template).Build(), manager, db, clock, ct));
        return await db.Programs.SingleAsync(p => p.Id == id, ct);
    }

    private static async Task<Guid> Cohort(MentoringProgram program, string name, DateOnly starts, int months, int pairs, bool open, Viewer manager,
        FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        Must(await SaveCohort.Handle(new(program.Id, null, new CohortInput
        {
            Name = name, StartsOn = starts, EndsOn = starts.AddMonths(months), Capacity = pairs, OpenForApplications = open,
        }), manager, db, clock, ct));

    private static async Task Invite(Guid cohort, ParticipantRole role, IReadOnlyList<Person> people, Viewer manager, string baseUrl, FlipsideDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var result = Must(await InviteToCohort.Handle(cohort, new(role, [.. people.Select(p => p.EmployeeId)], null), manager, baseUrl, db, clock, ct));
        if (result.Skipped.Count > 0)
            throw new StartupException($"The demo could not invite {result.Skipped[0].Name}: {result.Skipped[0].Reason}.");
    }

    private static SaveProfile.Request Profile(MentoringProgram program, Person person, ParticipantRole role, Random random)
    {
        var mentor = role == ParticipantRole.Mentor;
        var topics = random.GetItems(mentor ? MentorSkills : [.. program.FocusAreas, .. MentorSkills.Take(6)], 4).Distinct(StringComparer.Ordinal).Take(3)
            .Select((t, i) => new SaveProfile.TopicInput(t, mentor ? 5 - i : i + 1)).ToList();
        return new(topics,
            [.. random.GetItems<string>(["running", "cooking", "jazz", "football", "photography", "gaming", "gardening", "travel", "chess"], 3).Distinct()],
            mentor ? random.Next(1, 4) : random.Next(3, 6),
            (MeetingMode)random.Next(0, 3),
            WeeklyHours(random),
            [.. person.Languages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            mentor ? "Show how my generation uses these tools day to day." : "Perspective on how decisions get made and what matters at the top.",
            mentor ? "Understand how strategy is set, and get visible." : "Hands-on confidence with the tools my teams use.",
            Finish: true);
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

    /// <summary>A refusal here means the demo asked for something the app does not allow: stop and say which.</summary>
    internal static T Must<T>(Outcome<T> outcome) =>
        outcome.IsOk ? outcome.Value : throw new StartupException($"The demo could not be built: {outcome.Problem!.Reason} {string.Join(" ", outcome.Problem.Errors.Select(e => e.Message))}");
}
