using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Tests.Sessions;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Nudges;

/// <summary>
/// The managers' Monday digest spans programs: it is in the manager's own language, else the one all its programs
/// share, else English.
/// </summary>
public sealed class DigestLanguageTests(FlipsideFactory app) : AdministeredTests(app)
{
    /// <summary>Monday 28 December 2026, 9:05 UTC: a pair published on 23 November that never met has slipped its four-week cadence.</summary>
    private async Task<OutboxMessage> TheDigest()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 9, 5, 0, TimeSpan.Zero));
        using (var scope = App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SendNudges>().RunOnceAsync(CancellationToken.None);
        return await App.Query(db => db.Outbox.SingleAsync(m => m.Kind == SendNudges.KindName(NudgeKind.ManagerDigest)));
    }

    private async Task<APair> APairIn(string language, string suffix = "1")
    {
        var (program, cohort) = await Seed.AProgram(App, Given.AdminEmail, p => p.Language = language, CohortStatus.Active);
        return await APair.Make(App, Admin, suffix: suffix, cohortId: cohort, programId: program);
    }

    [Fact]
    public async Task AGermanProgramsManager_GetsTheDigestInGerman_RulesIncluded()
    {
        var pair = await APairIn("de");
        var digest = await TheDigest();
        Assert.Equal("1 Tandem diese Woche gefährdet", digest.Subject);
        Assert.StartsWith("Hallo,\n\nDiese Tandems in den Programmen, die Sie betreuen,", digest.TextBody);
        Assert.Contains($"- {pair.Mentee.Name} und {pair.Mentor.Name} (Pilot): Der Rhythmus stockt: seit 35 Tagen kein Treffen und keines geplant "
            + "(das Programm sieht alle 4 Wochen eines vor).", digest.TextBody);
        Assert.Contains("Die Seite mit den Treffen jeder Kohorte zeigt die Zahlen: ", digest.TextBody);
        Assert.DoesNotContain("Hello", digest.TextBody);
        Assert.DoesNotContain("Cadence", digest.TextBody);
    }

    [Fact]
    public async Task ProgramsOfTwoLanguages_GiveAnEnglishDigest()
    {
        var german = await APairIn("de");
        var french = await APairIn("fr", suffix: "2");
        var digest = await TheDigest();
        Assert.Equal("2 pairs at risk this week", digest.Subject);
        Assert.StartsWith("Hello,\n\nThese pairs in the programs you manage", digest.TextBody);
        Assert.Contains($"- {german.Mentee.Name} and {german.Mentor.Name} (Pilot): Cadence slipping: no meeting held for 35 days", digest.TextBody);
        Assert.Contains($"- {french.Mentee.Name} and {french.Mentor.Name} (Pilot): Cadence slipping", digest.TextBody);
    }

    [Fact]
    public async Task AManagerWhoseDirectoryEntrySpeaksOnlyGerman_GetsGerman_EvenForAnEnglishProgram()
    {
        var me = Seed.APerson("ADA", 8);
        me.Email = Given.AdminEmail;
        me.Languages = "de";
        await Seed.People(App, me);
        await APairIn("en");
        Assert.Equal("1 Tandem diese Woche gefährdet", (await TheDigest()).Subject);
    }

    [Theory]
    [InlineData("", "de,de", "de")]
    [InlineData("en,de", "de", "de")]
    [InlineData("en", "de", "en")]
    [InlineData("fr", "en,de", "fr")]
    [InlineData("en,es", "de", "en")]
    [InlineData("", "de,fr", "en")]
    [InlineData("pt", "es", "es")]
    public void TheLanguage_IsTheirOwn_ThenTheProgramsShared_ThenEnglish(string spoken, string programs, string expected) =>
        Assert.Equal(expected, ManagerDigest.LanguageFor(spoken, programs.Split(',')));
}
