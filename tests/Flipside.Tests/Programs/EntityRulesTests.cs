using Flipside.Domain;
using Flipside.Features.Programs;

namespace Flipside.Tests.Programs;

/// <summary>The rules live on the entities: whoever writes a program or cohort (a form, the API, the demo) meets them.</summary>
public sealed class EntityRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(nameof(MentoringProgram.CadenceWeeks), 13, "Meet every 1 to 12 weeks.")]
    [InlineData(nameof(MentoringProgram.MinutesPerMeeting), 10, "A meeting lasts 15 to 240 minutes.")]
    [InlineData(nameof(MentoringProgram.DurationMonths), 25, "A program runs 1 to 24 months.")]
    [InlineData(nameof(MentoringProgram.DefaultMentorCapacity), 0, "A mentor takes 1 to 10 leaders.")]
    public void AProgramSetting_OutOfRange_IsRefusedByTheProgram_WithTheFormsWords(string setting, int value, string message)
    {
        var program = new MentoringProgram("P", "u", Now);
        var property = typeof(MentoringProgram).GetProperty(setting)!;

        var e = Assert.Throws<System.Reflection.TargetInvocationException>(() => property.SetValue(program, value));

        Assert.Equal(message, Assert.IsType<DomainException>(e.InnerException).Message);
        var input = ProgramsTestBase.AProgram();
        typeof(ProgramInput).GetProperty(setting)!.SetValue(input, value);
        Assert.Contains(input.Normalise(), f => f.Field == setting && f.Message == message);
    }

    [Fact]
    public void EligibilityRanges_AreTheEntitys()
    {
        Assert.Throws<DomainException>(() => new EligibilityRules { MinGradeGap = 10 });
        Assert.Throws<DomainException>(() => new EligibilityRules { MinMentorTenureMonths = -1 });
        Assert.Equal(new ProgramInput().MinGradeGap, new EligibilityRules().MinGradeGap);
        Assert.Equal(new ProgramInput().CadenceWeeks, new MentoringProgram("P", "u", Now).CadenceWeeks);
    }

    [Fact]
    public void Restoring_AProgramThatIsNotArchived_IsRefused_AndAnArchivedOneTakesNoChanges()
    {
        var program = new MentoringProgram("P", "u", Now);
        Assert.Equal("This program is not archived.", Assert.Throws<DomainException>(program.Restore).Message);

        program.Archive(Now);
        Assert.Contains("Restore it before changing it", Assert.Throws<DomainException>(() => program.EnsureChangeable("changing it")).Message);
        program.Restore();
        program.EnsureChangeable("changing it");
    }

    [Fact]
    public void ACohort_EndingBeforeItStarts_OrWithNoRoom_IsRefused()
    {
        var starts = new DateOnly(2027, 1, 1);
        Assert.Throws<DomainException>(() => new Cohort(Guid.NewGuid(), "Pilot", starts, starts, 10));
        Assert.Throws<DomainException>(() => new Cohort(Guid.NewGuid(), "Pilot", starts, starts.AddMonths(6), 0));
    }

    [Fact]
    public void TakingEnrollments_IsOneRule_ForQueriesAndForTheCohort()
    {
        var query = Cohort.TakingEnrollments.Compile();
        foreach (var status in Enum.GetValues<CohortStatus>())
        {
            var cohort = new Cohort(Guid.NewGuid(), "C", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 1), 5);
            for (var s = CohortStatus.Planning; s < status; s++) cohort.MoveTo(s + 1, pairingsReady: 1);
            Assert.Equal(status is CohortStatus.Planning or CohortStatus.Enrolling, cohort.TakesEnrollments);
            Assert.Equal(cohort.TakesEnrollments, query(cohort));
        }
    }

    [Fact]
    public void ACohort_GoesActive_OnlyWithAPairingReady()
    {
        var cohort = new Cohort(Guid.NewGuid(), "C", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 1), 5);
        cohort.MoveTo(CohortStatus.Enrolling, pairingsReady: 0);
        cohort.MoveTo(CohortStatus.Matching, pairingsReady: 0);

        Assert.Equal(Cohort.NoPairingReady, Assert.Throws<DomainException>(() => cohort.MoveTo(CohortStatus.Active, pairingsReady: 0)).Message);
        cohort.MoveTo(CohortStatus.Active, pairingsReady: 1);
        Assert.Equal(CohortStatus.Active, cohort.Status);
    }

    [Fact]
    public void ManagedBy_IsOneRule_ForQueriesAndForTheProgram()
    {
        var program = new MentoringProgram("P", "pam", Now);
        Assert.True(MentoringProgram.ManagedBy("pam").Compile()(program));
        Assert.False(MentoringProgram.ManagedBy("otto").Compile()(program));
        Assert.Equal(program.IsManagedBy("otto"), MentoringProgram.ManagedBy("otto").Compile()(program));
    }
}
