using Flipside.Domain;

namespace Flipside.Features.Sessions;

/// <summary>
/// Topics and reflection questions for each focus area, written for Flipside. The junior mentor leads the agenda by
/// default; the questions are for the leader to answer as much as for the mentor, since learning runs both ways.
/// </summary>
public static class SessionKit
{
    public sealed record Area(string Name, IReadOnlyList<string> Topics, IReadOnlyList<string> Questions);

    public static readonly Area FirstMeeting = new("Getting started",
        ["What each of us hopes to get from the pairing", "How we like to communicate: chat, calls, structured meetings", "What stays between us, and what we might share"],
        ["What would make this worth your time in six months?", "What is one thing you assume about the other's generation that you would like to test?",
         "How will we tell each other when something is not working?"]);

    public static readonly IReadOnlyList<Area> Standard =
    [
        new("AI and emerging technology",
            ["Try a generative AI assistant together on a real task from the leader's week", "Where AI already touches our customers and teams",
             "Risks: accuracy, bias, data protection and what our policies say"],
            ["Which task did the tool do well, and where would you not trust it?", "What would change for your team if everyone used it daily?",
             "What question about AI do you feel you should already know the answer to?"]),
        new("Social media and digital marketing",
            ["How the mentor's generation finds news, products and employers", "Reading our own company's channels as an outsider would",
             "Short video and creators: what works and why"],
            ["What surprised you about where attention goes today?", "Which post of ours would you scroll past, and why?",
             "What would a first small post or comment from you look like?"]),
        new("Data and analytics",
            ["A dashboard the leader relies on, walked through together", "Where the numbers come from and what they leave out",
             "Self-service analysis: asking a question of the data without waiting for a report"],
            ["Which decision last month would a number have changed?", "What does the mentor see in the data that the leader does not, and the other way round?",
             "What would you stop measuring?"]),
        new("Collaboration tools",
            ["A week of the team's chat, documents and meetings, seen through the mentor's habits", "Shortcuts that save an hour a week",
             "Meeting less: asynchronous updates and shared documents"],
            ["Which tool do you avoid, and what would make you use it?", "What would you try for one week, starting tomorrow?",
             "How do people on the front line reach you today?"]),
        new("Gen Z values and expectations",
            ["What the mentor's peers look for in an employer and a manager", "Feedback, flexibility and purpose: expectations on both sides",
             "Why people join, stay and leave, in the mentor's words"],
            ["Which expectation seems unreasonable to you at first, and what is behind it?", "What did you want from work at the mentor's age?",
             "What would you change in how your team welcomes new starters?"]),
        new("Diversity and inclusion",
            ["Whose voices are heard in the leader's meetings, and whose are not", "Everyday experiences of inclusion and exclusion at work",
             "Small changes a leader can make this month"],
            ["When did you last feel like an outsider at work?", "What might people not tell you because of your role?",
             "Which one habit will you try, and how will you know it helped?"]),
        new("Sustainability",
            ["What the mentor's generation expects from the company on climate and society", "Our footprint in the leader's own area",
             "Ideas from the front line that save resources"],
            ["Which of our commitments would you defend to a sceptical friend?", "Where does sustainability compete with other goals in your decisions?",
             "What could your team change without a budget?"]),
        new("Frontline realities",
            ["A day in the mentor's job: what it takes, what gets in the way", "Decisions made at the top that land differently on the front line",
             "How ideas and problems travel upward, or do not"],
            ["What would you see if you shadowed the mentor for a morning?", "Which rule or process costs the front line the most time?",
             "What should reach leadership that currently does not?"]),
    ];

    /// <summary>The kits for a program: the first-meeting kit, then its focus areas in order (standard ones with their content).</summary>
    public static IReadOnlyList<Area> For(IEnumerable<string> focusAreas) =>
        [FirstMeeting, .. focusAreas.Select(a => Standard.FirstOrDefault(s => string.Equals(s.Name, a, StringComparison.OrdinalIgnoreCase)))
            .OfType<Area>().DistinctBy(a => a.Name)];

    /// <summary>Every topic in a program's kits: an agenda is chosen from these, or written freely.</summary>
    public static IEnumerable<string> Topics(IEnumerable<string> focusAreas) => For(focusAreas).SelectMany(a => a.Topics);

    public static ParticipantRole DefaultLeader => ParticipantRole.Mentor;
}
