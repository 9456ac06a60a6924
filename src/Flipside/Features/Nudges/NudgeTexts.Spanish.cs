using System.Globalization;
using Flipside.Features.Sessions;

namespace Flipside.Features.Nudges;

/// <summary>Spanish, with usted as workplace mail uses it, and the letter's greeting ending in a colon.</summary>
public sealed class SpanishNudgeTexts : NudgeTexts
{
    public static readonly SpanishNudgeTexts Instance = new();

    public override CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("es-ES");

    public override string Hello(string name) => $"Hola, {name}:";

    private static string Weeks(int n) => n == 1 ? "una semana" : $"{n} semanas";

    public override NudgeEmail MeetingSoon(string partner, string when, int minutes, string? videoLink, string link) => new($"Mañana: su reunión con {partner}", $"""
        Su reunión con {partner} es mañana, {when}, durante {minutes} minutos.{(videoLink is { } video ? $"\nVideollamada: {video}" : "")}
        La agenda y las preguntas del kit de sesión están en la página de reuniones de su mentoría.

        {link}
        """);

    public override NudgeEmail LogMissing(string partner, string when, string link) => new($"¿Qué tal fue su reunión con {partner}?", $"""
        Su reunión con {partner} del {when} aún no tiene registro. Dos minutos ahora mantienen fiel su seguimiento:
        si se celebró, qué trataron, qué aprendieron y las tareas acordadas. Cualquiera de los dos puede registrarla.

        {link}
        """);

    public override NudgeEmail Slipping(string partner, string? lastMet, int cadenceWeeks, string link) => new($"Es hora de volver a reunirse con {partner}", $"""
        {(lastMet is null ? $"Usted y {partner} aún no se han reunido desde que empezó su mentoría" : $"Usted y {partner} se reunieron por última vez el {lastMet}")}, y no hay nada planificado.
        Su programa pide {Weeks(cadenceWeeks)} entre reuniones. Elija un horario entre las horas que ambos tienen libres:

        {link}

        Si la mentoría ya no le funciona, puede pausarla o terminarla desde «My programs», en privado y sin culpa de nadie.
        """);

    public override NudgeEmail AgreementUnsigned(string partner, bool partnerSigned, string link) => new($"Su acuerdo con {partner} está pendiente", $"""
        Su mentoría con {partner} empezó hace una semana{(partnerSigned ? $", y {partner} ya ha firmado su acuerdo" : "")}. El acuerdo
        fija con qué frecuencia se reúnen, lo que queda entre ustedes y cómo cualquiera de los dos puede terminar la mentoría sin culpa.
        Léalo, cambien lo que ambos quieran cambiar y fírmelo:

        {link}
        """);

    public override NudgeEmail TrainingUnfinished(string program, IReadOnlyList<string> modules, string link) => new($"Formación pendiente para {program}", $"""
        Su mentoría empezó hace una semana. {program} le pide terminar {(modules.Count == 1 ? "un módulo de formación" : $"{modules.Count} módulos de formación")}:
        {string.Join("\n", modules.Select(t => $"- {t}"))}

        Cada uno lleva pocos minutos y termina con una o dos preguntas:
        {link}
        """);

    public override NudgeEmail TrainingReminder(string program, string cohort, IReadOnlyList<string> modules, string link) => new($"Su formación para {program}", $"""
        Antes de presentarle a su pareja de mentoría en {program} ({cohort}), termine por favor su breve formación.
        Pendiente: {string.Join("; ", modules)}.
        Cada módulo lleva pocos minutos y termina con una o dos preguntas.

        {link}
        """);

    public override NudgeEmail ManagerDigest(int pairs, string list, string link) => new($"{(pairs == 1 ? "1 mentoría" : $"{pairs} mentorías")} en riesgo esta semana",
        "Hola:\n\nEstas mentorías de los programas que usted gestiona necesitan una palabra suya esta semana. Cada línea indica la regla que la señaló; "
        + $"nada de esto procede de sus notas ni de sus mensajes, que siguen siendo suyos.\n{list}\nLa página de reuniones de cada cohorte muestra los recuentos: {link}\n");

    public override string Pair(string mentee, string mentor) => $"{mentee} y {mentor}";

    public override string Risk(PairRisks.Reason reason) => reason.Rule switch
    {
        PairRisks.Rule.CadenceSlipping => $"El ritmo decae: ninguna reunión en {reason.Days} días y ninguna prevista (el programa pide una {(reason.CadenceWeeks == 1 ? "cada semana" : $"cada {reason.CadenceWeeks} semanas")}).",
        PairRisks.Rule.NoMeetingIn45Days => reason.SinceStart ? $"Ninguna reunión en los {reason.Days} días desde el inicio de la mentoría." : $"Ninguna reunión en {reason.Days} días.",
        PairRisks.Rule.LowPulse => "Pulso bajo: las reuniones se valoraron como poco útiles.",
        PairRisks.Rule.SafetyFlag => $"Alerta: la persona con el rol «{reason.Side}» no pudo hablar con franqueza.",
        PairRisks.Rule.RepeatedCancellations => $"Cancelaciones repetidas por el rol «{reason.Side}»: {reason.Count} en 90 días.",
        PairRisks.Rule.UnsignedAgreement => "El acuerdo sigue sin la firma de ambos una semana después del inicio de la mentoría.",
        _ => reason.Text,
    };
}
