using Flipside.Domain;

namespace Flipside.Tests.Support;

/// <summary>Directory people enrolled in a cohort with finished matching profiles, written straight to the database.</summary>
public static class Enrolled
{
    public static readonly string[] Topics = ["Generative AI", "Podcasting", "Social media", "Data visualisation", "Short video", "Collaboration tools"];

    /// <summary>Enrols the person with one topic (a skill for a mentor, a first learning goal for a leader) and a shared week.</summary>
    public static async Task<Guid> Enrol(FlipsideFactory app, Guid cohortId, Person person, ParticipantRole role, string topic, bool finished = true,
        string[]? interests = null)
    {
        await Seed.People(app, person);
        return await app.Query(async db =>
        {
            var enrollment = Domain.Enrollment.Invite(cohortId, person.Id, role, FlipsideFactory.Start);
            enrollment.Accept(needsManagerApproval: false, approvalTokenHash: null, FlipsideFactory.Start);
            db.Enrollments.Add(enrollment);
            var profile = new Profile(enrollment.Id)
            {
                Languages = ["English"],
                Interests = [.. interests ?? ["Running"]],
                Availability = [9, 10, 11, 33, 34, 35],
                CompletedAt = finished ? FlipsideFactory.Start : null,
            };
            profile.Topics.Add(new ProfileTopic(role == ParticipantRole.Mentor ? TopicKind.Skill : TopicKind.LearningGoal, topic, role == ParticipantRole.Mentor ? 5 : 1));
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
            return enrollment.Id;
        });
    }

    /// <summary>
    /// Leaders L1… (grade 9) and mentors M1… (grade 3), each in their own department, topics spread so that scores differ.
    /// Returns the people in order, leaders first.
    /// </summary>
    public static async Task<(List<Person> Leaders, List<Person> Mentors)> Cohort(FlipsideFactory app, Guid cohortId, int leaders, int mentors)
    {
        var (l, m) = (new List<Person>(), new List<Person>());
        for (int i = 1; i <= leaders; i++)
        {
            var person = Seed.APerson($"L{i}", 9, department: $"Leadership {i}");
            await Enrol(app, cohortId, person, ParticipantRole.Mentee, Topics[i % Topics.Length], interests: [i % 2 == 0 ? "Running" : "Chess"]);
            l.Add(person);
        }
        for (int i = 1; i <= mentors; i++)
        {
            var person = Seed.APerson($"M{i}", 3, department: $"Team {i}");
            await Enrol(app, cohortId, person, ParticipantRole.Mentor, Topics[(i * 5) % Topics.Length], interests: [i % 3 == 0 ? "Chess" : "Running"]);
            m.Add(person);
        }
        return (l, m);
    }
}
