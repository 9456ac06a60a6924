using System.Globalization;
using Flipside.Domain;
using Flipside.Features.Sessions;

namespace Flipside.Features.Nudges;

/// <summary>A reminder's subject and text, before the greeting.</summary>
public sealed record NudgeEmail(string Subject, string Body);

/// <summary>
/// The reminders and nudges participants get, in their program's language (<see cref="ProgramLanguages"/>): one small
/// class per language, written for Flipside by people rather than a translation service. Times are shown in the reader's
/// own zone, with that language's day and month names. Page names ("My programs") stay as the pages show them.
/// </summary>
public abstract class NudgeTexts
{
    public static NudgeTexts For(string? language) => language switch
    {
        "de" => GermanNudgeTexts.Instance,
        "fr" => FrenchNudgeTexts.Instance,
        "es" => SpanishNudgeTexts.Instance,
        _ => EnglishNudgeTexts.Instance,
    };

    public abstract CultureInfo Culture { get; }

    public string When(DateTimeOffset at, TimeZoneInfo zone) => Zones.Show(at, zone, Culture);

    public abstract string Hello(string name);

    /// <summary>The greeting, a blank line, then the text: the shape of every reminder.</summary>
    public string Letter(string name, string body) => $"{Hello(name)}\n\n{body}";

    public abstract NudgeEmail MeetingSoon(string partner, string when, int minutes, string? videoLink, string link);

    public abstract NudgeEmail LogMissing(string partner, string when, string link);

    /// <summary><paramref name="lastMet"/> is null when the pair has not met since the pairing started.</summary>
    public abstract NudgeEmail Slipping(string partner, string? lastMet, int cadenceWeeks, string link);

    public abstract NudgeEmail AgreementUnsigned(string partner, bool partnerSigned, string link);

    /// <summary>A week after publishing, the required modules still open.</summary>
    public abstract NudgeEmail TrainingUnfinished(string program, IReadOnlyList<string> modules, string link);

    /// <summary>The reminder a program manager sends to everyone whose required training is open.</summary>
    public abstract NudgeEmail TrainingReminder(string program, string cohort, IReadOnlyList<string> modules, string link);

    /// <summary>The managers' Monday digest around its <paramref name="list"/> of pairs at risk, grouped by program.</summary>
    public abstract NudgeEmail ManagerDigest(int pairs, string list, string link);

    /// <summary>A pair as the digest names it.</summary>
    public abstract string Pair(string mentee, string mentor);

    /// <summary>The sentence a manager reads for a rule that flagged a pair.</summary>
    public abstract string Risk(PairRisks.Reason reason);
}

public sealed class EnglishNudgeTexts : NudgeTexts
{
    public static readonly EnglishNudgeTexts Instance = new();

    public override CultureInfo Culture => CultureInfo.InvariantCulture;

    public override string Hello(string name) => $"Hello {name},";

    public override NudgeEmail MeetingSoon(string partner, string when, int minutes, string? videoLink, string link) => new($"Tomorrow: your meeting with {partner}", $"""
        Your meeting with {partner} is tomorrow, {when}, for {minutes} minutes.{(videoLink is { } video ? $"\nVideo call: {video}" : "")}
        The agenda and the session kit's questions are on the pairing's meetings page.

        {link}
        """);

    public override NudgeEmail LogMissing(string partner, string when, string link) => new($"How did your meeting with {partner} go?", $"""
        Your meeting with {partner} on {when} has no log yet. Two minutes now keep your follow-through
        true: whether it was held, what you covered, what you learned, and any action items. Either of you can log it.

        {link}
        """);

    public override NudgeEmail Slipping(string partner, string? lastMet, int cadenceWeeks, string link) => new($"Time to meet {partner} again", $"""
        You and {partner} last met {(lastMet is null ? "never, since your pairing started" : $"on {lastMet}")}, and nothing is planned.
        Your program asks for {Words.Count(cadenceWeeks, "week")} between meetings. Pick a time from the hours you both keep free:

        {link}

        If the pairing no longer works for you, you can pause or end it from "My programs", privately and without fault.
        """);

    public override NudgeEmail AgreementUnsigned(string partner, bool partnerSigned, string link) => new($"Your agreement with {partner} is waiting", $"""
        Your pairing with {partner} started a week ago{(partnerSigned ? $", and {partner} has signed your agreement" : "")}. The agreement
        sets how often you meet, what stays between you, and how either of you can end the pairing without fault.
        Read it, change what you both want to change, and sign:

        {link}
        """);

    public override NudgeEmail TrainingUnfinished(string program, IReadOnlyList<string> modules, string link) => new($"Training to finish for {program}", $"""
        Your pairing started a week ago. {program} asks you to finish {Words.Count(modules.Count, "training module")}:
        {string.Join("\n", modules.Select(t => $"- {t}"))}

        Each takes a few minutes and ends with a question or two:
        {link}
        """);

    public override NudgeEmail TrainingReminder(string program, string cohort, IReadOnlyList<string> modules, string link) => new($"Your training for {program}", $"""
        Before you are introduced to your partner in {program} ({cohort}), please finish your short training.
        Still to do: {string.Join("; ", modules)}.
        Each module takes a few minutes and ends with a question or two.

        {link}
        """);

    public override NudgeEmail ManagerDigest(int pairs, string list, string link) => new($"{Words.Count(pairs, "pair")} at risk this week",
        "Hello,\n\nThese pairs in the programs you manage need a word this week. Each line says which rule flagged it; "
        + $"nothing here comes from their notes or messages, which stay theirs.\n{list}\nEach cohort's meetings page shows the counts: {link}\n");

    public override string Pair(string mentee, string mentor) => $"{mentee} and {mentor}";

    public override string Risk(PairRisks.Reason reason) => reason.Text;
}
