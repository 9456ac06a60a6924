namespace Flipside.Infrastructure.Demo;

/// <summary>What the pilot's pairs talk about, learn, take on and write: a few lines each, picked in turn so pairs differ.</summary>
public static class DemoPilotScript
{
    public static readonly string[][] Topics =
    [
        ["Getting to know each other", "What we each want from the pairing"],
        ["Generative AI at work", "Writing a first prompt"],
        ["LinkedIn presence", "Posting without a ghostwriter"],
        ["Collaboration tools", "Async updates instead of status meetings"],
        ["Short video", "What Gen Z expects from an employer brand"],
        ["Data visualisation", "Dashboards the team actually reads"],
        ["Online communities", "Listening before posting"],
    ];

    public static readonly string[] LearnedByLeader =
    [
        "Prompts work better when I give the tool the context I would give a new colleague.",
        "My team reads the chat channel, not my emails: short, frequent and open beats one long memo.",
        "A post does not need to be polished to be read; it needs to sound like me.",
        "Short video is searched like a search engine by people under 25.",
        "Shared documents with comments replace half of my review meetings.",
        "Asking 'how would you do this?' gets me further than showing how I would.",
    ];

    public static readonly string[] LearnedByMentor =
    [
        "How a budget decision travels through the executive committee, and where it can still change.",
        "Why leaders ask for one page: it is about the reader's time, not the writer's effort.",
        "Getting sponsorship for an idea starts months before the meeting where it is decided.",
        "How to disagree with a senior person in a way that is heard.",
        "The board reads risk first; I now open my proposals with it.",
        "Visibility is doing useful work where the right people can see it.",
    ];

    public static readonly (string Leader, string Mentor)[] ActionItems =
    [
        ("Draft three prompts for the weekly report and try them", "Send a short list of prompt examples"),
        ("Post one update on LinkedIn in my own words", "Review the draft post before it goes out"),
        ("Run one team update in the chat channel instead of a meeting", "Share the async update template we use"),
        ("Watch five short videos our graduates made", "Pick five videos that show how Gen Z searches"),
        ("Ask my team which dashboard they open first", "Sketch a one-page dashboard from the team's data"),
        ("Join one online community our customers use", "List three communities worth listening to"),
    ];

    public static readonly (string Title, string Description, string[] Milestones)[] LeaderGoals =
    [
        ("Use generative AI every week", "Make AI tools part of how I prepare, not a demo I watched once.", ["Write my own prompts", "Use it for the weekly report", "Show my team what I learned"]),
        ("Be visible on LinkedIn", "Speak for the company in my own voice.", ["Update my profile", "Publish a first post", "Post once a month"]),
        ("Lead my team asynchronously", "Fewer status meetings, more written updates.", ["Try one async week", "Agree channel rules with the team", "Cancel one standing meeting"]),
    ];

    public static readonly (string Title, string Description, string[] Milestones)[] MentorGoals =
    [
        ("Understand how strategy is set", "See how a decision travels from an idea to the executive committee.", ["Read last year's strategy paper", "Sit in on a planning review", "Explain it back to my team"]),
        ("Present to senior leaders with confidence", "Open with the point and the risk.", ["Prepare a one-page proposal", "Present it to my leader", "Present to a leadership team"]),
    ];

    public static readonly string[] Progress =
    [
        "Tried it twice this fortnight; the second attempt was much better.",
        "Done, and it took half the time I expected.",
        "Slower than planned: a busy month, but back on track now.",
        "Shared it with the team and got good questions back.",
    ];

    public const string PrivateNoteByLeader = "Remember to ask about the graduates' onboarding feedback: I suspect our tools put them off.";
    public const string PrivateNoteByMentor = "Leo is more open when we start with a concrete task. Bring an example next time.";
    public const string SharedNote = "Our three rules for team chat: answer within a day, threads for topics, no decisions in private messages.";

    public static readonly (bool ByMentor, string Text)[] Messages =
    [
        (true, "I found the prompt examples I mentioned, sending them before Thursday."),
        (false, "Thank you, I tried two of them this morning. The second one saved me an hour."),
        (true, "Great! Bring the output next time and we can improve it together."),
    ];

    public const string ReachingOut = "Hi, it has been a while since we met. Shall we find a time in the next few weeks?";
}
