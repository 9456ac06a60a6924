namespace Flipside.Domain;

/// <summary>
/// An answer waiting to be stored: a survey response or a pulse, kept here from the moment it is given until the
/// release job moves it, shuffled with others, into <see cref="SurveyResponse"/> or <see cref="PulseAnswer"/>. Had the
/// answer been stored in the same transaction as the row that says who answered, the database's own order (SQLite's
/// rowid, PostgreSQL's xmin and row position) would line the two up. The payload is the answer as JSON; the id is
/// random, and the row carries no time.
/// </summary>
public sealed class HeldAnswer
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    /// <summary>The survey answered, or null for a pulse.</summary>
    public Guid? SurveyId { get; private set; }
    /// <summary>A pulse's month (its first day), the span its batch is released within; null for a survey.</summary>
    public DateOnly? Month { get; private set; }
    /// <summary>So that the respondent can be shown their own answers while they wait.</summary>
    public string Pseudonym { get; private set; } = "";
    public string Payload { get; private set; } = "";

    private HeldAnswer() { }

    public HeldAnswer(Guid programId, Guid? surveyId, DateOnly? month, string pseudonym, string payload) =>
        (ProgramId, SurveyId, Month, Pseudonym, Payload) = (programId, surveyId, month, pseudonym, payload);
}
