namespace Flipside.Domain;

/// <summary>
/// A program's own version of a training module: either its edit of a built-in module (same <see cref="Key"/> as the
/// built-in) or a module the program added (key "own-…"). Built-in modules that a program has not edited are not
/// stored at all: they are read from the app's own Markdown files.
/// </summary>
public sealed class TrainingModule : IVersioned
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 20_000;
    public const int QuestionsMaxLength = 4_000;
    public const string OwnPrefix = "own-";

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    public string Key { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>The check questions in the module's question syntax (see <see cref="CheckQuestions"/>).</summary>
    public string Questions { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public int Version { get; set; }

    private TrainingModule() { }

    public TrainingModule(Guid programId, string? key)
    {
        ProgramId = programId;
        Key = key ?? OwnPrefix + Id.ToString("N");
    }

    public bool IsOwn => Key.StartsWith(OwnPrefix, StringComparison.Ordinal);

    public void Write(string title, string body, string questions, string by, DateTimeOffset now)
    {
        Title = title;
        Body = body;
        Questions = questions;
        UpdatedBy = by;
        UpdatedAt = now;
    }
}

/// <summary>A module that the program requires of its mentors or of its mentees.</summary>
public sealed class TrainingRequirement
{
    public Guid ProgramId { get; private set; }
    public string ModuleKey { get; private set; } = "";
    public ParticipantRole Role { get; private set; }

    private TrainingRequirement() { }

    public TrainingRequirement(Guid programId, string moduleKey, ParticipantRole role)
    {
        ProgramId = programId;
        ModuleKey = moduleKey;
        Role = role;
    }
}

/// <summary>A program's training settings besides its requirements.</summary>
public sealed class ProgramTraining
{
    public Guid ProgramId { get; private set; }
    /// <summary>Whether the program's mentors meet in supervision circles (group check-ins with the program manager).</summary>
    public bool SupervisionCircles { get; set; }

    private ProgramTraining() { }

    public ProgramTraining(Guid programId) => ProgramId = programId;
}

/// <summary>
/// A person finished a module: acknowledged it and answered every check question right. Kept by the module's content
/// hash, so the same unchanged module counts in every program, and an edited one is taken again.
/// </summary>
public sealed class TrainingCompletion
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PersonId { get; private set; }
    public string ModuleKey { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    public DateTimeOffset CompletedAt { get; private set; }

    private TrainingCompletion() { }

    public TrainingCompletion(Guid personId, string moduleKey, string contentHash, DateTimeOffset now)
    {
        PersonId = personId;
        ModuleKey = moduleKey;
        ContentHash = contentHash;
        CompletedAt = now;
    }
}
