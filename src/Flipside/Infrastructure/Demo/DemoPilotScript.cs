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

    /// <summary>Insights the pairs raise to leadership: each pair takes the next, its focus area the program's n-th.</summary>
    public static readonly (int Area, string Text)[] Insights =
    [
        (0, "Status meetings could move to a written update in the team channel; most of us read it faster than we can meet."),
        (1, "Our graduate job posts read like a contract. A short video by a current graduate would reach applicants where they search."),
        (2, "Teams build their own dashboards because the official ones are late. One shared, daily one would save hours a week."),
        (0, "Leaders answering in the open channel, not in private messages, would show that asking questions there is welcome."),
        (1, "Customers ask questions in online communities we never read. Someone should listen there before we post."),
        (0, "Approving expenses still needs a printed form. The collaboration tool could route it in a day."),
        (2, "Allow teams to try no-code automation for routine reports, with a short guide on what data may be used."),
    ];

    /// <summary>Leadership's responses, to the first insights raised: (status, sentence).</summary>
    public static readonly (string Status, string Response)[] InsightResponses =
    [
        ("Adopted", "From January, the executive team posts its weekly update in the channel instead of holding the status meeting."),
        ("InProgress", "Talent acquisition is filming two graduate stories this quarter; we will share them with the pilot first."),
        ("Noted", "Thank you. The data team is reviewing dashboards in the spring and will take this in."),
        ("Declined", "Not now: the channel rules are being rewritten with legal first. We will come back to it in the next wave."),
    ];

    public const string ReachingOut = "Hi, it has been a while since we met. Shall we find a time in the next few weeks?";
}
