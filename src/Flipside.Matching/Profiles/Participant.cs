namespace Flipside.Matching.Profiles;

/// <summary>How a person prefers to meet.</summary>
public enum MeetingMode
{
    /// <summary>Either in person or online.</summary>
    Either,

    /// <summary>Face to face, so the pair must share a location.</summary>
    InPerson,

    /// <summary>Online only, by video call.</summary>
    Video,
}

/// <summary>A generation, oldest first; the gap between two is what reverse mentoring bridges.</summary>
public enum Generation
{
    /// <summary>Born 1946–1964.</summary>
    BabyBoomer,

    /// <summary>Born 1965–1980.</summary>
    GenX,

    /// <summary>Born 1981–1996.</summary>
    Millennial,

    /// <summary>Born 1997–2012.</summary>
    GenZ,
}

/// <summary>
/// A person's matching profile, mentor or mentee alike. Availability is in UTC time of the week,
/// already converted from the person's time zone (see <see cref="WeekHours"/>).
/// </summary>
public sealed record Participant(string Id, string Name)
{
    /// <summary>Job grade: higher is more senior.</summary>
    public int Grade { get; init; }

    /// <summary>Department name.</summary>
    public string Department { get; init; } = "";

    /// <summary>Office or city, also used to name the time zone in sentences.</summary>
    public string Location { get; init; } = "";

    /// <summary>Ids of the person's managers, nearest first, up to the top.</summary>
    public IReadOnlyList<string> ManagerChain { get; init; } = [];

    /// <summary>Skills the person can teach, with proficiency 1–5.</summary>
    public IReadOnlyDictionary<string, int> Skills { get; init; } = new Dictionary<string, int>();

    /// <summary>What the person wants to learn, first priority first.</summary>
    public IReadOnlyList<string> LearningGoals { get; init; } = [];

    /// <summary>Interests for common ground.</summary>
    public IReadOnlyList<string> Interests { get; init; } = [];

    /// <summary>Languages the person speaks.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>1 = casual and tech-driven … 5 = structured and formal.</summary>
    public int CommunicationStyle { get; init; } = 3;

    /// <summary>How the person prefers to meet.</summary>
    public MeetingMode MeetingMode { get; init; }

    /// <summary>Weekly availability in UTC time of the week.</summary>
    public WeekHours Availability { get; init; }

    /// <summary>Generation, when known.</summary>
    public Generation? Generation { get; init; }

    /// <summary>Gender as the person gave it, for fairness reports only; never a scoring input.</summary>
    public string? Gender { get; init; }

    /// <summary>How many mentees a mentor takes at most (ignored for mentees).</summary>
    public int Capacity { get; init; } = 1;
}

