namespace Flipside.Domain;

/// <summary>
/// What one side of a pairing wants to reach: the leader's learning (owner Mentee) or the mentor's growth (owner
/// Mentor), with milestones and dated progress updates. Only the pair reads its text; program staff see counts.
/// </summary>
public sealed class Goal : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int MilestonesMax = 20;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PairingId { get; private set; }
    public ParticipantRole Owner { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    /// <summary>One of the program's objectives, which the impact report counts the goal towards.</summary>
    public Guid? ObjectiveId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<Milestone> Milestones { get; private set; } = [];
    public List<GoalProgress> Progress { get; private set; } = [];
    public int Version { get; set; }

    private Goal() { }

    public Goal(Guid pairingId, ParticipantRole owner, string title, string description, Guid? objectiveId, DateTimeOffset now)
    {
        (PairingId, Owner, CreatedAt) = (pairingId, owner, now);
        Change(title, description, objectiveId, now);
    }

    public void Change(string title, string description, Guid? objectiveId, DateTimeOffset now)
    {
        (Title, Description, ObjectiveId, UpdatedAt) = (Required(title, TitleMaxLength, "title"), Optional(description), objectiveId, now);
    }

    public Milestone AddMilestone(string title, DateTimeOffset now)
    {
        if (Milestones.Count >= MilestonesMax) throw new DomainException($"A goal has at most {MilestonesMax} milestones; mark some done or remove them.");
        var milestone = new Milestone(Id, Milestones.Count == 0 ? 1 : Milestones.Max(m => m.Position) + 1, Required(title, TitleMaxLength, "milestone"));
        Milestones.Add(milestone);
        UpdatedAt = now;
        return milestone;
    }

    public void MarkMilestone(Guid milestoneId, bool done, DateTimeOffset now)
    {
        var milestone = Milestones.SingleOrDefault(m => m.Id == milestoneId) ?? throw new DomainException("This goal has no such milestone.");
        milestone.Mark(done, now);
        UpdatedAt = now;
    }

    public GoalProgress AddProgress(ParticipantRole by, string text, DateTimeOffset now)
    {
        var update = new GoalProgress(Id, by, Required(text, TextMaxLength, "progress update"), now);
        Progress.Add(update);
        UpdatedAt = now;
        return update;
    }

    /// <summary>Milestones done out of all, as a whole percentage; a goal without milestones is at 0.</summary>
    public static int Percent(int done, int total) => total == 0 ? 0 : done * 100 / total;

    private static string Required(string text, int max, string what)
    {
        text = text.Trim();
        if (text.Length == 0) throw new DomainException($"Give the {what} a few words.");
        if (text.Length > max) throw new DomainException($"Keep the {what} to {max} characters.");
        return text;
    }

    private static string Optional(string text)
    {
        text = text.Trim();
        return text.Length > TextMaxLength ? throw new DomainException($"Keep the description to {TextMaxLength} characters.") : text;
    }
}

public sealed class Milestone
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid GoalId { get; private set; }
    public int Position { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset? DoneAt { get; private set; }

    private Milestone() { }

    internal Milestone(Guid goalId, int position, string title) => (GoalId, Position, Title) = (goalId, position, title);

    internal void Mark(bool done, DateTimeOffset now) => DoneAt = done ? DoneAt ?? now : null;
}

/// <summary>A dated note on how a goal is going, by either partner.</summary>
public sealed class GoalProgress
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid GoalId { get; private set; }
    public ParticipantRole By { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private GoalProgress() { }

    internal GoalProgress(Guid goalId, ParticipantRole by, string text, DateTimeOffset at) => (GoalId, By, Text, At) = (goalId, by, text, at);
}
