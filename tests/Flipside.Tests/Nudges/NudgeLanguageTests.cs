using System.Globalization;
using System.Net;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Tests.Sessions;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Nudges;

/// <summary>Nudges go in the program's language, at 9:00 in the reader's own time zone, with that language's dates.</summary>
public sealed class NudgeLanguageTests(FlipsideFactory app) : AdministeredTests(app)
{
    private async Task<int> Run()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendNudges>().RunOnceAsync(CancellationToken.None);
    }

    private Task<List<OutboxMessage>> Sent(NudgeKind kind) =>
        App.Query(db => db.Outbox.Where(m => m.Kind == SendNudges.KindName(kind)).OrderBy(m => m.To).ToListAsync());

    /// <summary>A pair in Berlin (UTC+1 in November) in a program of the given language, meeting on Thursday 26 November at 10:00 their time.</summary>
    private async Task<APair> AMeetingOnThursday(string language)
    {
        var (program, cohort) = await Seed.AProgram(App, Given.AdminEmail, p => p.Language = language, CohortStatus.Active);
        var pair = await APair.Make(App, Admin, "Europe/Berlin", "Europe/Berlin", cohortId: cohort, programId: program);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-26T10:00");
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsync($"/api/v1/meetings/{planned.MeetingId}/accept", null)).StatusCode);
        return pair;
    }

    [Fact]
    public async Task AGermanProgramsReminder_IsInGerman_At9InBerlin()
    {
        var pair = await AMeetingOnThursday("de");

        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 7, 55, 0, TimeSpan.Zero)); // 8:55 in Berlin
        Assert.Equal(0, await Run());
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 8, 5, 0, TimeSpan.Zero));
        Assert.Equal(2, await Run());

        var sent = await Sent(NudgeKind.MeetingSoon);
        var toMentor = sent.Single(m => m.To == pair.Mentor.Email);
        Assert.Equal($"Morgen: Ihr Treffen mit {pair.Mentee.Name}", toMentor.Subject);
        Assert.StartsWith($"Hallo {pair.Mentor.Name},\n\nIhr Treffen mit {pair.Mentee.Name} ist morgen, ", toMentor.TextBody);
        var when = new DateTime(2026, 11, 26, 10, 0, 0).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("de-DE"));
        Assert.Contains($"{when} (Europe/Berlin), für 60 Minuten.", toMentor.TextBody);
        Assert.StartsWith("Do", when);
        Assert.All(sent, m => Assert.DoesNotContain("Hello", m.TextBody));
    }

    [Fact]
    public async Task AFrenchProgramsLogReminder_AndASpanishProgramsSlip_AreInTheirLanguages()
    {
        var french = await AMeetingOnThursday("fr");
        var (program, cohort) = await Seed.AProgram(App, Given.AdminEmail, p => p.Language = "es", CohortStatus.Active);
        var spanish = await APair.Make(App, Admin, "Europe/Madrid", "Europe/Madrid", suffix: "es", cohortId: cohort, programId: program);
        // Two days after the meeting, nobody has logged it: Saturday 28 November, 9:05 in Berlin.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 8, 5, 0, TimeSpan.Zero));
        await Run();
        var log = (await Sent(NudgeKind.LogMissing)).Single(m => m.To == french.Mentee.Email);
        Assert.Equal($"Comment s'est passée votre rencontre avec {french.Mentor.Name} ?", log.Subject);
        Assert.StartsWith($"Bonjour {french.Mentee.Name},", log.TextBody);
        Assert.Contains(new DateTime(2026, 11, 26, 10, 0, 0).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("fr-FR")), log.TextBody);

        // The Spanish pair never met: its cadence (4 weeks) and a week have passed since publishing on 23 November, 9:00 UTC.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 9, 5, 0, TimeSpan.Zero));
        await Run();
        var slip = (await Sent(NudgeKind.CadenceSlipping)).Single(m => m.To == spanish.Mentor.Email);
        Assert.Equal($"Es hora de volver a reunirse con {spanish.Mentee.Name}", slip.Subject);
        Assert.StartsWith($"Hola, {spanish.Mentor.Name}:", slip.TextBody);
        Assert.Contains("Su programa pide 4 semanas entre reuniones.", slip.TextBody);
    }
}
