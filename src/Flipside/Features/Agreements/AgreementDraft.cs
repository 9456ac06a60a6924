using Flipside.Domain;

namespace Flipside.Features.Agreements;

/// <summary>
/// The agreement a pairing starts from, written from its program and both people's profiles. The pair then edit the
/// sections marked editable; the private ones (their boundaries, channels and goals) are theirs alone to read.
/// </summary>
public static class AgreementDraft
{
    public const string Cadence = "cadence", Rhythm = "rhythm", Duration = "duration", Length = "length", Confidentiality = "confidentiality",
        Topics = "topics", Boundaries = "boundaries", Ending = "ending", Style = "style", Channels = "channels", Goals = "goals";

    /// <summary>One side as the agreement names it: first name, and what their profile says about style and meeting mode.</summary>
    public sealed record Side(string Name, int CommunicationStyle, MeetingMode MeetingMode)
    {
        public string FirstName => Name.Split(' ', 2)[0];
    }

    public static IReadOnlyList<AgreementSection> For(MentoringProgram program, DateTimeOffset startedAt, Side mentor, Side leader)
    {
        var focus = program.FocusAreas.Count == 0 ? "the topics we agree at our first meeting" : string.Join(", ", program.FocusAreas);
        return
        [
            new(Cadence, "How often we meet", $"The program asks for {program.DescribeCadence()}.", false, false),
            new(Rhythm, "How we arrange meetings",
                "We agree the next meeting at the end of each one. Whoever cannot make it says so at least a day ahead and proposes another time.", true, false),
            new(Duration, "How long the pairing runs",
                $"The pairing runs for {Words.Count(program.DurationMonths, "month")}, from {startedAt:d MMMM yyyy} to about {startedAt.AddMonths(program.DurationMonths):d MMMM yyyy}.", false, false),
            new(Length, "How long a meeting lasts", $"Each meeting lasts about {program.MinutesPerMeeting} minutes.", false, false),
            new(Confidentiality, "Confidentiality",
                "What is said between us stays between us, unless we both agree otherwise. The program manager sees whether we met and signed, never what we discussed.", false, false),
            new(Topics, "Topics", $"Our topics come from the program's focus areas: {focus}. A meeting is not a place for complaints about others, nor for performance evaluations of anyone, including each other.", false, false),
            new(Boundaries, "Our boundaries", "No boundaries of our own yet: either of us can add one here at any time.", true, true),
            new(Ending, "Ending without fault",
                "Either of us can pause or end the pairing at any time, without fault, from My programs. Only the program manager is told, with a reason if one is given; the other learns only that the program ended the pairing.", false, false),
            new(Style, "How we like to talk", StyleText(mentor, leader), true, false),
            new(Channels, "Our channels", $"Between meetings we write by email. We meet {ModeText(Together(mentor.MeetingMode, leader.MeetingMode))}.", true, true),
            new(Goals, "Our goals", "Each of us keeps goals with milestones on the Goals page of this pairing. Here we say in a sentence or two what we most want from it.", true, true),
        ];
    }

    /// <summary>Names each side's preference and, when they differ, the gap and one way to bridge it.</summary>
    public static string StyleText(Side mentor, Side leader)
    {
        var text = $"{mentor.FirstName} prefers {StyleWords(mentor.CommunicationStyle)}, {ModeText(mentor.MeetingMode)}; {leader.FirstName} prefers {StyleWords(leader.CommunicationStyle)}, {ModeText(leader.MeetingMode)}.";
        if (Math.Abs(mentor.CommunicationStyle - leader.CommunicationStyle) >= 2)
        {
            var (casual, formal) = mentor.CommunicationStyle < leader.CommunicationStyle ? (mentor, leader) : (leader, mentor);
            text += $" That is a gap in style: {casual.FirstName} leans casual, {formal.FirstName} structured. To bridge it, we keep each meeting structured, with a short agenda shared a day ahead, and use quick messages between meetings for questions that cannot wait.";
        }
        if (mentor.MeetingMode != leader.MeetingMode && mentor.MeetingMode != MeetingMode.Either && leader.MeetingMode != MeetingMode.Either)
            text += $" One of us prefers to meet in person and the other by video: we alternate, starting with {ModeText(leader.MeetingMode)}.";
        return text;
    }

    private static string StyleWords(int style) => style <= 2 ? "casual, quick exchanges" : style >= 4 ? "structured, planned meetings" : "a mix of casual and structured";

    private static string ModeText(MeetingMode mode) => mode switch
    {
        MeetingMode.InPerson => "in person",
        MeetingMode.Video => "by video",
        _ => "in person or by video",
    };

    private static MeetingMode Together(MeetingMode a, MeetingMode b) => a == b ? a : a == MeetingMode.Either ? b : b == MeetingMode.Either ? a : MeetingMode.Either;
}
