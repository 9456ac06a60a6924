using System.Globalization;
using Flipside.Features.Sessions;

namespace Flipside.Features.Nudges;

/// <summary>German, addressing the reader formally (Sie), as most workplaces write to their staff.</summary>
public sealed class GermanNudgeTexts : NudgeTexts
{
    public static readonly GermanNudgeTexts Instance = new();

    public override CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("de-DE");

    public override string Hello(string name) => $"Hallo {name},";

    private static string Weeks(int n) => n == 1 ? "eine Woche" : $"{n} Wochen";

    public override NudgeEmail MeetingSoon(string partner, string when, int minutes, string? videoLink, string link) => new($"Morgen: Ihr Treffen mit {partner}", $"""
        Ihr Treffen mit {partner} ist morgen, {when}, für {minutes} Minuten.{(videoLink is { } video ? $"\nVideoanruf: {video}" : "")}
        Die Agenda und die Fragen aus dem Gesprächsleitfaden finden Sie auf der Seite mit den Treffen Ihres Tandems.

        {link}
        """);

    public override NudgeEmail LogMissing(string partner, string when, string link) => new($"Wie war Ihr Treffen mit {partner}?", $"""
        Zu Ihrem Treffen mit {partner} am {when} gibt es noch keinen Eintrag. Zwei Minuten jetzt halten Ihre Bilanz
        ehrlich: ob es stattgefunden hat, was Sie besprochen und gelernt haben und welche Aufgaben Sie vereinbart haben. Sie beide können es eintragen.

        {link}
        """);

    public override NudgeEmail Slipping(string partner, string? lastMet, int cadenceWeeks, string link) => new($"Zeit für ein neues Treffen mit {partner}", $"""
        {(lastMet is null ? $"Sie und {partner} haben sich seit Beginn Ihres Tandems noch nicht getroffen" : $"Sie und {partner} haben sich zuletzt am {lastMet} getroffen")}, und es ist nichts geplant.
        Ihr Programm sieht {Weeks(cadenceWeeks)} zwischen den Treffen vor. Wählen Sie eine Zeit aus den Stunden, die Sie beide frei halten:

        {link}

        Wenn das Tandem für Sie nicht mehr passt, können Sie es unter „My programs“ pausieren oder beenden, vertraulich und ohne Schuldfrage.
        """);

    public override NudgeEmail AgreementUnsigned(string partner, bool partnerSigned, string link) => new($"Ihre Vereinbarung mit {partner} wartet auf Sie", $"""
        Ihr Tandem mit {partner} hat vor einer Woche begonnen{(partnerSigned ? $", und {partner} hat Ihre Vereinbarung schon unterschrieben" : "")}. Die Vereinbarung
        legt fest, wie oft Sie sich treffen, was unter Ihnen bleibt und wie jede Seite das Tandem ohne Schuldfrage beenden kann.
        Lesen Sie sie, ändern Sie, was Sie beide ändern möchten, und unterschreiben Sie:

        {link}
        """);

    public override NudgeEmail TrainingUnfinished(string program, IReadOnlyList<string> modules, string link) => new($"Schulung abschließen für {program}", $"""
        Ihr Tandem hat vor einer Woche begonnen. {program} bittet Sie, {(modules.Count == 1 ? "ein Schulungsmodul" : $"{modules.Count} Schulungsmodule")} abzuschließen:
        {string.Join("\n", modules.Select(t => $"- {t}"))}

        Jedes dauert nur wenige Minuten und endet mit ein oder zwei Fragen:
        {link}
        """);

    public override NudgeEmail TrainingReminder(string program, string cohort, IReadOnlyList<string> modules, string link) => new($"Ihre Schulung für {program}", $"""
        Bevor wir Sie in {program} ({cohort}) mit Ihrem Tandem bekannt machen, schließen Sie bitte Ihre kurze Schulung ab.
        Noch offen: {string.Join("; ", modules)}.
        Jedes Modul dauert nur wenige Minuten und endet mit ein oder zwei Fragen.

        {link}
        """);

    public override NudgeEmail ManagerDigest(int pairs, string list, string link) => new($"{(pairs == 1 ? "1 Tandem" : $"{pairs} Tandems")} diese Woche gefährdet",
        "Hallo,\n\nDiese Tandems in den Programmen, die Sie betreuen, brauchen diese Woche ein Wort von Ihnen. Jede Zeile nennt die Regel, die es markiert hat; "
        + $"nichts davon stammt aus ihren Notizen oder Nachrichten, die bei ihnen bleiben.\n{list}\nDie Seite mit den Treffen jeder Kohorte zeigt die Zahlen: {link}\n");

    public override string Pair(string mentee, string mentor) => $"{mentee} und {mentor}";

    public override string Risk(PairRisks.Reason reason) => reason.Rule switch
    {
        PairRisks.Rule.CadenceSlipping => $"Der Rhythmus stockt: seit {reason.Days} Tagen kein Treffen und keines geplant (das Programm sieht {(reason.CadenceWeeks == 1 ? "jede Woche" : $"alle {reason.CadenceWeeks} Wochen")} eines vor).",
        PairRisks.Rule.NoMeetingIn45Days => reason.SinceStart ? $"Kein Treffen in den {reason.Days} Tagen seit Beginn des Tandems." : $"Seit {reason.Days} Tagen kein Treffen.",
        PairRisks.Rule.LowPulse => "Niedriger Puls: Die Treffen wurden als wenig hilfreich bewertet.",
        PairRisks.Rule.SafetyFlag => $"Sicherheitshinweis: Die Person in der Rolle „{reason.Side}“ konnte nicht offen sprechen.",
        PairRisks.Rule.RepeatedCancellations => $"Wiederholte Absagen durch die Rolle „{reason.Side}“: {reason.Count} in 90 Tagen.",
        PairRisks.Rule.UnsignedAgreement => "Die Vereinbarung ist eine Woche nach Beginn des Tandems nicht von beiden unterschrieben.",
        _ => reason.Text,
    };
}
