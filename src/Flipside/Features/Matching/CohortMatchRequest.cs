using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Matching.Assignment;
using Flipside.Matching.Profiles;
using Microsoft.EntityFrameworkCore;
using EngineMode = Flipside.Matching.Profiles.MeetingMode;
using MeetingMode = Flipside.Domain.MeetingMode;

namespace Flipside.Features.Matching;

/// <summary>
/// Builds the engine's input from a cohort: its enrolled mentors and mentees with complete profiles, the
/// program's rules, reporting lines from the directory and availability in UTC for the cohort's first week.
/// Participants are keyed by person id, so the engine's "never your own pair" and reporting-line checks
/// compare like with like.
/// </summary>
public static class CohortMatchRequest
{
    /// <summary>Someone enrolled who cannot be matched yet, and why.</summary>
    public sealed record Skipped(Guid PersonId, string Name, ParticipantRole Role, string Reason);

    /// <summary>Someone in the request: their enrolment, so a proposal can be saved against it.</summary>
    public sealed record Member(Guid EnrollmentId, string Name, ParticipantRole Role);

    /// <summary>The engine's request, with who was left out of it and who is in it (keyed by person id).</summary>
    public sealed record Result(MatchRequest Request, IReadOnlyList<Skipped> Skipped, IReadOnlyDictionary<Guid, Member> Members, Guid ProgramId, bool AllowRepeatPairings);

    private sealed record Row(Guid EnrollmentId, Guid PersonId, string EmployeeId, string? ManagerEmployeeId, ParticipantRole Role, string Name, PersonStatus Status,
        int Grade, string Department, string Location, string TimeZone, bool Complete, List<string> Interests, List<string> Languages, int Style, MeetingMode Mode, List<int> Availability)
    {
        public int? BirthYear { get; init; }
    }

    private sealed record Topic(Guid EnrollmentId, TopicKind Kind, string Name, int Level);

    /// <summary>The request for a cohort the viewer manages, or null when there is no such cohort or it is not theirs.</summary>
    public static Task<Result?> Handle(Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct, MatchWeights? weights = null,
        MatchObjective objective = MatchObjective.MostPairs) => Compile(cohortId, viewer.ManagedCohorts, db, ct, weights, objective);

    /// <summary>
    /// The request for a cohort found in the given scope. Participants choosing for themselves (self-matching, ranked
    /// choice) need the whole cohort's request, so their use cases check their own enrolment and pass every cohort.
    /// </summary>
    public static async Task<Result?> Compile(Guid cohortId, IQueryable<Cohort> scope, FlipsideDb db, CancellationToken ct, MatchWeights? weights = null,
        MatchObjective objective = MatchObjective.MostPairs)
    {
        var cohort = await scope.Where(c => c.Id == cohortId)
            .Select(c => new
            {
                c.ProgramId, c.StartsOn, c.Program.Eligibility.MinGradeGap, c.Program.Eligibility.ExcludeSameDepartment, c.Program.DefaultMentorCapacity,
                c.Program.AllowRepeatPairings
            })
            .SingleOrDefaultAsync(ct);
        if (cohort is null) return null;

        var rows = await db.Enrollments.Where(e => e.CohortId == cohortId && e.Status == EnrollmentStatus.Enrolled)
            .OrderBy(e => e.Person.Name).ThenBy(e => e.PersonId)
            .Select(e => new Row(e.Id, e.PersonId, e.Person.EmployeeId, e.Person.ManagerEmployeeId, e.Role, e.Person.Name, e.Person.Status, e.Person.Grade, e.Person.Department, e.Person.Location, e.Person.TimeZone,
                e.Profile != null && e.Profile.CompletedAt != null,
                e.Profile != null ? e.Profile.Interests : new List<string>(), e.Profile != null ? e.Profile.Languages : new List<string>(),
                e.Profile != null ? e.Profile.CommunicationStyle : 0, e.Profile != null ? e.Profile.MeetingMode : MeetingMode.Either,
                e.Profile != null ? e.Profile.Availability : new List<int>())
            { BirthYear = e.Person.BirthYear })
            .ToListAsync(ct);
        var skipped = new List<Skipped>();
        var ready = new List<(Row Row, TimeZoneInfo Zone)>();
        foreach (var row in rows)
        {
            if (row.Status == PersonStatus.Left)
                skipped.Add(new(row.PersonId, row.Name, row.Role, "has left the organisation"));
            else if (!row.Complete)
                skipped.Add(new(row.PersonId, row.Name, row.Role, "the matching profile is not finished"));
            else if (!TimeZoneInfo.TryFindSystemTimeZoneById(row.TimeZone, out var zone))
                skipped.Add(new(row.PersonId, row.Name, row.Role, $"the directory's time zone '{row.TimeZone}' is unknown, so availability cannot be placed"));
            else
                ready.Add((row, zone));
        }

        // The cohort's topics by a join, not by a list of two thousand ids the database must parse and probe one by one;
        // a skipped person's topics come too and are never read.
        var topics = (await db.ProfileTopics
                .Where(t => db.Enrollments.Any(e => e.Id == t.EnrollmentId && e.CohortId == cohortId && e.Status == EnrollmentStatus.Enrolled))
                .Select(t => new Topic(t.EnrollmentId, t.Kind, t.Name, t.Level)).ToListAsync(ct))
            .ToLookup(t => t.EnrollmentId);
        // The people's own directory rows came with the enrolments, so the walk starts one level up.
        var chains = await ReportingLines.ChainsAsync(db, [.. ready.Select(r => new ReportingLines.Start(r.Row.PersonId, r.Row.EmployeeId, r.Row.ManagerEmployeeId))], ct);
        var monday = WeeklyAvailability.WeekOf(cohort.StartsOn);

        Participant ToParticipant(Row row, TimeZoneInfo zone) => new(row.PersonId.ToString(), row.Name)
        {
            Grade = row.Grade,
            Department = row.Department,
            Location = row.Location,
            ManagerChain = [.. chains[row.PersonId].Select(m => m.ToString())],
            Skills = topics[row.EnrollmentId].Where(t => t.Kind == TopicKind.Skill).ToDictionary(t => t.Name, t => t.Level),
            // Priority 1 is the first goal; names break ties so the order never depends on the database.
            LearningGoals = [.. topics[row.EnrollmentId].Where(t => t.Kind == TopicKind.LearningGoal).OrderBy(t => t.Level).ThenBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Name)],
            Interests = row.Interests,
            Languages = row.Languages,
            CommunicationStyle = row.Style,
            MeetingMode = ToEngine(row.Mode),
            Availability = WeeklyAvailability.ToUtc(row.Availability, zone, monday),
            Capacity = row.Role == ParticipantRole.Mentor ? cohort.DefaultMentorCapacity : 1,
            // From the birth year, for the fairness summary that only administrators read; it counts in a score only
            // when the run's generation weight is above 0 (0 by default, and no program sets it yet).
            Generation = BirthGenerations.Of(row.BirthYear),
        };

        var rules = new ProgramRules
        {
            MinGradeGap = cohort.MinGradeGap,
            AcrossDepartmentsOnly = cohort.ExcludeSameDepartment,
            AllowRepeatPairings = cohort.AllowRepeatPairings,
            Weights = ToEngine(weights ?? new MatchWeights()),
            Objective = ToEngine(objective),
        };
        var request = new MatchRequest(
            [.. ready.Where(r => r.Row.Role == ParticipantRole.Mentee).Select(r => ToParticipant(r.Row, r.Zone))],
            [.. ready.Where(r => r.Row.Role == ParticipantRole.Mentor).Select(r => ToParticipant(r.Row, r.Zone))],
            rules);
        var members = ready.ToDictionary(r => r.Row.PersonId, r => new Member(r.Row.EnrollmentId, r.Row.Name, r.Row.Role));
        return new Result(request, skipped, members, cohort.ProgramId, cohort.AllowRepeatPairings);
    }

    /// <summary>The engine's weights of the same names.</summary>
    public static ScoringWeights ToEngine(MatchWeights w) => new()
    {
        Complementarity = w.Complementarity,
        SharedInterests = w.SharedInterests,
        StyleFit = w.StyleFit,
        AvailabilityOverlap = w.AvailabilityOverlap,
        SharedLanguage = w.SharedLanguage,
        CrossDepartment = w.CrossDepartment,
        GenerationGap = w.GenerationGap,
    };

    /// <summary>The engine's objective for the app's.</summary>
    public static ObjectiveMode ToEngine(MatchObjective objective) =>
        objective == MatchObjective.HighestScore ? ObjectiveMode.HighestScore : ObjectiveMode.MostMatchedThenHighestScore;

    /// <summary>The engine's meeting mode of the same name; a new app value without one fails the mapping test.</summary>
    public static EngineMode ToEngine(MeetingMode mode) => mode switch
    {
        MeetingMode.Either => EngineMode.Either,
        MeetingMode.InPerson => EngineMode.InPerson,
        MeetingMode.Video => EngineMode.Video,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "This meeting mode has no counterpart in the matching engine."),
    };
}
