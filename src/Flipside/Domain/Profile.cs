namespace Flipside.Domain;

public enum MeetingMode { Either, InPerson, Video }

public enum TopicKind { Skill, LearningGoal }

/// <summary>What an enrolment answers for matching. Mentors offer skills; mentees state learning goals.</summary>
public sealed class Profile : IChangeCounted
{
    public const int HoursPerWeek = 168;

    public Guid EnrollmentId { get; private set; }
    public List<ProfileTopic> Topics { get; private set; } = [];
    public List<string> Interests { get; set; } = [];
    /// <summary>1 = casual and digital … 5 = structured and formal.</summary>
    public int CommunicationStyle { get; set; } = 3;
    public MeetingMode MeetingMode { get; set; } = MeetingMode.Either;
    /// <summary>Hours of the week (0 = Monday 00:00 … 167 = Sunday 23:00) in the person's own time zone.</summary>
    public List<int> Availability { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public string HopeToGive { get; set; } = "";
    public string HopeToGet { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>Moves on with every saved change to the profile or its topics (<see cref="IChangeCounted"/>).</summary>
    public int Version { get; set; }

    private Profile() { }

    public Profile(Guid enrollmentId) => EnrollmentId = enrollmentId;

    public bool IsComplete => CompletedAt is not null;
}

/// <summary>A skill a mentor teaches (level = proficiency 1–5) or a mentee's learning goal (level = priority 1–3).</summary>
public sealed class ProfileTopic
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid EnrollmentId { get; private set; }
    public TopicKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public int Level { get; private set; }

    private ProfileTopic() { }

    public ProfileTopic(TopicKind kind, string name, int level)
    {
        Kind = kind;
        Name = name;
        Level = level;
    }
}
