using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Enrollment;

/// <summary>
/// A participant fills in their matching profile. Saving keeps a draft; finishing also checks that
/// matching has what it needs (something to share or learn, some free time, a language).
/// </summary>
public static class SaveProfile
{
    public sealed record TopicInput(string Name, int Level);

    public sealed record Request(
        IReadOnlyList<TopicInput>? Topics, IReadOnlyList<string>? Interests, int CommunicationStyle, MeetingMode MeetingMode,
        IReadOnlyList<int>? Availability, IReadOnlyList<string>? Languages, string? HopeToGive, string? HopeToGet, bool Finish);

    public const int MinAvailableHours = 2;

    public static async Task<Outcome<Done>> Handle(Guid enrollmentId, Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await EnrollmentAccess.OwnEnrollment(viewer, enrollmentId, ct) is not { } enrollment) return Outcome.NotFound;
        if (!enrollment.IsOpen) throw new DomainException("This enrolment has ended, so its profile can no longer change.");
        if (enrollment.Cohort.Status is CohortStatus.Active or CohortStatus.Closed)
            throw new DomainException("Pairs have been formed for this cohort, so profiles can no longer change.");

        var mentor = enrollment.Role == ParticipantRole.Mentor;
        var (topics, interests, languages, hours) = Cleaned(r);
        if (Problems(enrollment.Role, r) is { Count: > 0 } errors) return Outcome.Invalid(errors);
        var complete = IsComplete(topics, hours, languages);

        var now = clock.GetUtcNow();
        var profile = enrollment.Profile;
        if (profile is null)
        {
            profile = new Profile(enrollment.Id);
            db.Profiles.Add(profile);
        }
        profile.Topics.Clear();
        var kind = mentor ? TopicKind.Skill : TopicKind.LearningGoal;
        profile.Topics.AddRange(topics.Select(t => new ProfileTopic(kind, t.Name, t.Level)));
        profile.Interests = interests;
        profile.Languages = languages;
        profile.Availability = hours;
        profile.CommunicationStyle = r.CommunicationStyle;
        profile.MeetingMode = r.MeetingMode;
        profile.HopeToGive = r.HopeToGive?.Trim() ?? "";
        profile.HopeToGet = r.HopeToGet?.Trim() ?? "";
        profile.UpdatedAt = now;
        profile.CompletedAt = complete && (r.Finish || profile.CompletedAt is not null) ? profile.CompletedAt ?? now : null;
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>
    /// Every problem with the answers in one pass: values out of range on any save, and on finishing each field
    /// matching needs that is still empty, so a person learns everything on the first try. <paramref name="formProblems"/>
    /// are what the page already found (a time range with one end); a field named there is not also called missing.
    /// Everything else, interests and hopes included, is optional, and a draft keeps whatever is there.
    /// </summary>
    public static List<FieldError> Problems(ParticipantRole role, Request r, IEnumerable<FieldError>? formProblems = null)
    {
        var mentor = role == ParticipantRole.Mentor;
        var maxLevel = mentor ? 5 : 3;
        var (topics, interests, languages, hours) = Cleaned(r);
        var errors = new List<FieldError>(formProblems ?? []);
        var topicField = mentor ? "Skills" : "LearningGoals";
        var topicWord = mentor ? "skill" : "learning goal";
        if (topics.Count > 15) errors.Add(new(topicField, $"List at most 15 {topicWord}s."));
        if (topics.Any(t => t.Name.Length is 0 or > 100)) errors.Add(new(topicField, $"Each {topicWord} needs a name of up to 100 characters."));
        if (topics.Any(t => t.Level < 1 || t.Level > maxLevel))
            errors.Add(new(topicField, mentor ? "Proficiency goes from 1 (some) to 5 (expert)." : "Priority goes from 1 (first) to 3 (nice to have)."));
        if (topics.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            errors.Add(new(topicField, $"The {topicWord} '{twice.Key}' is listed twice."));
        if (interests.Count > 20 || interests.Any(i => i.Length > 60)) errors.Add(new("Interests", "List at most 20 interests of up to 60 characters each."));
        if (languages.Count > 10 || languages.Any(l => l.Length > 35)) errors.Add(new("Languages", "List at most 10 languages of up to 35 characters each."));
        if (r.CommunicationStyle is < 1 or > 5) errors.Add(new("CommunicationStyle", "Choose a communication style from 1 (casual and digital) to 5 (structured and formal)."));
        if (!Enum.IsDefined(r.MeetingMode)) errors.Add(new("MeetingMode", "Choose how to meet: in person, by video or either."));
        if (hours.Any(h => h is < 0 or >= Profile.HoursPerWeek)) errors.Add(new("Availability", "Availability: hours of the week go from 0 (Monday 00:00) to 167 (Sunday 23:00)."));
        if ((r.HopeToGive?.Length ?? 0) > 2000) errors.Add(new("HopeToGive", "Keep what you hope to give under 2000 characters."));
        if ((r.HopeToGet?.Length ?? 0) > 2000) errors.Add(new("HopeToGet", "Keep what you hope to get under 2000 characters."));
        if (!r.Finish) return errors;

        var named = errors.Select(e => e.Field).ToHashSet();
        if (topics.Count == 0 && !named.Contains(topicField))
            errors.Add(new(topicField, mentor ? "Add at least one skill you can share." : "Add at least one thing you want to learn."));
        if (hours.Count < MinAvailableHours && !named.Contains("Availability"))
            errors.Add(new("Availability", $"Mark at least {MinAvailableHours} hours a week when you could meet."));
        if (languages.Count == 0 && !named.Contains("Languages"))
            errors.Add(new("Languages", "Add at least one language you can mentor or learn in."));
        return errors;
    }

    /// <summary>What matching needs: something to share or learn, some free time, a language.</summary>
    private static bool IsComplete(List<TopicInput> topics, List<int> hours, List<string> languages) =>
        topics.Count > 0 && hours.Count >= MinAvailableHours && languages.Count > 0;

    private static (List<TopicInput> Topics, List<string> Interests, List<string> Languages, List<int> Hours) Cleaned(Request r) => (
        Clean(r.Topics?.Select(t => t with { Name = t.Name?.Trim() ?? "" }) ?? []), CleanList(r.Interests), CleanList(r.Languages),
        (r.Availability ?? []).Distinct().Order().ToList());

    private static List<TopicInput> Clean(IEnumerable<TopicInput> topics) => [.. topics.Where(t => t.Name.Length > 0 || t.Level != 0)];

    private static List<string> CleanList(IReadOnlyList<string>? values) =>
        [.. (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
}
