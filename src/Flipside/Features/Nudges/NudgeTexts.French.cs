using System.Globalization;
using Flipside.Features.Sessions;

namespace Flipside.Features.Nudges;

/// <summary>French, with the vous of workplace mail and a space before the high punctuation marks.</summary>
public sealed class FrenchNudgeTexts : NudgeTexts
{
    public static readonly FrenchNudgeTexts Instance = new();

    public override CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("fr-FR");

    public override string Hello(string name) => $"Bonjour {name},";

    private static string Weeks(int n) => n == 1 ? "une semaine" : $"{n} semaines";

    public override NudgeEmail MeetingSoon(string partner, string when, int minutes, string? videoLink, string link) => new($"Demain : votre rencontre avec {partner}", $"""
        Votre rencontre avec {partner} a lieu demain, {when}, pendant {minutes} minutes.{(videoLink is { } video ? $"\nAppel vidéo : {video}" : "")}
        L'ordre du jour et les questions du kit de séance sont sur la page des rencontres de votre binôme.

        {link}
        """);

    public override NudgeEmail LogMissing(string partner, string when, string link) => new($"Comment s'est passée votre rencontre avec {partner} ?", $"""
        Votre rencontre avec {partner} du {when} n'a pas encore de compte rendu. Deux minutes maintenant gardent votre suivi
        fidèle : si elle a eu lieu, ce que vous avez abordé, ce que vous avez appris et les actions convenues. L'un ou l'autre peut la consigner.

        {link}
        """);

    public override NudgeEmail Slipping(string partner, string? lastMet, int cadenceWeeks, string link) => new($"Il est temps de revoir {partner}", $"""
        {(lastMet is null ? $"Vous n'avez pas encore rencontré {partner} depuis le début de votre binôme" : $"Vous avez rencontré {partner} pour la dernière fois le {lastMet}")}, et rien n'est prévu.
        Votre programme prévoit {Weeks(cadenceWeeks)} entre deux rencontres. Choisissez un moment parmi les heures que vous gardez libres tous les deux :

        {link}

        Si le binôme ne vous convient plus, vous pouvez le suspendre ou y mettre fin depuis « My programs », en toute discrétion et sans faute de quiconque.
        """);

    public override NudgeEmail AgreementUnsigned(string partner, bool partnerSigned, string link) => new($"Votre accord avec {partner} vous attend", $"""
        Votre binôme avec {partner} a commencé il y a une semaine{(partnerSigned ? $", et {partner} a signé votre accord" : "")}. L'accord
        fixe la fréquence de vos rencontres, ce qui reste entre vous et la façon dont chacun peut mettre fin au binôme sans faute.
        Lisez-le, modifiez ensemble ce que vous souhaitez changer, puis signez :

        {link}
        """);

    public override NudgeEmail TrainingUnfinished(string program, IReadOnlyList<string> modules, string link) => new($"Formation à terminer pour {program}", $"""
        Votre binôme a commencé il y a une semaine. {program} vous demande de terminer {(modules.Count == 1 ? "un module de formation" : $"{modules.Count} modules de formation")} :
        {string.Join("\n", modules.Select(t => $"- {t}"))}

        Chacun prend quelques minutes et se termine par une ou deux questions :
        {link}
        """);

    public override NudgeEmail TrainingReminder(string program, string cohort, IReadOnlyList<string> modules, string link) => new($"Votre formation pour {program}", $"""
        Avant votre présentation à votre binôme dans {program} ({cohort}), merci de terminer votre courte formation.
        Reste à faire : {string.Join(" ; ", modules)}.
        Chaque module prend quelques minutes et se termine par une ou deux questions.

        {link}
        """);

    public override NudgeEmail ManagerDigest(int pairs, string list, string link) => new($"{(pairs == 1 ? "1 binôme" : $"{pairs} binômes")} en difficulté cette semaine",
        "Bonjour,\n\nCes binômes des programmes que vous gérez ont besoin d'un mot de votre part cette semaine. Chaque ligne indique la règle qui l'a signalé ; "
        + $"rien ici ne vient de leurs notes ou de leurs messages, qui leur appartiennent.\n{list}\nLa page des rencontres de chaque cohorte donne les chiffres : {link}\n");

    public override string Pair(string mentee, string mentor) => $"{mentee} et {mentor}";

    public override string Risk(PairRisks.Reason reason) => reason.Rule switch
    {
        PairRisks.Rule.CadenceSlipping => $"Le rythme faiblit : aucune rencontre depuis {reason.Days} jours et aucune de prévue (le programme en demande une {(reason.CadenceWeeks == 1 ? "chaque semaine" : $"toutes les {reason.CadenceWeeks} semaines")}).",
        PairRisks.Rule.NoMeetingIn45Days => reason.SinceStart ? $"Aucune rencontre dans les {reason.Days} jours depuis le début du binôme." : $"Aucune rencontre depuis {reason.Days} jours.",
        PairRisks.Rule.LowPulse => "Pouls bas : les rencontres ont été jugées peu utiles.",
        PairRisks.Rule.SafetyFlag => $"Signalement : la personne dans le rôle « {reason.Side} » n'a pas pu parler librement.",
        PairRisks.Rule.RepeatedCancellations => $"Annulations répétées par le rôle « {reason.Side} » : {reason.Count} en 90 jours.",
        PairRisks.Rule.UnsignedAgreement => "L'accord n'est pas signé par les deux une semaine après le début du binôme.",
        _ => reason.Text,
    };
}
