using Flipside.Domain;
using Flipside.Features.Surveys;
using Flipside.Infrastructure.Security;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Surveys;

/// <summary>
/// Answers wait apart from the row that says who answered, and are stored in shuffled batches: neither the database's
/// order (SQLite's rowid, PostgreSQL's ctid) nor the ids line an answer up with the order people answered in.
/// </summary>
public sealed class HeldAnswerTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task Answers_AreHeldThenStoredInAShuffledBatch_InNoOrderOfAnswering_AndNoneIsLost()
    {
        var world = await Surveyed.Make(App, leaders: 5, mentors: 5);
        Assert.Equal(1, await Surveyed.Run<OpenDueSurveys>(App));
        var surveyId = await world.Survey(App, SurveyKind.Baseline);
        var answering = new List<Person>();
        foreach (var person in world.Leaders.Zip(world.Mentors).SelectMany(x => new[] { x.First, x.Second }))
        {
            await Surveyed.Answered(await Given.AnAccount(App, Admin, person.Email, Roles.Participant), surveyId, 3);
            answering.Add(person);
        }
        // Everyone is recorded as having answered at once; no answer is in the stored table yet.
        Assert.Equal((10, 0, 10), await App.Query(async db =>
            (await db.SurveyParticipations.CountAsync(), await db.SurveyResponses.CountAsync(), await db.HeldAnswers.CountAsync())));

        Assert.Equal(10, await Surveyed.Run<ReleaseHeldAnswers>(App));

        List<string> codes = [];
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var pseudonyms = scope.ServiceProvider.GetRequiredService<Pseudonyms>();
            foreach (var person in answering) codes.Add(await pseudonyms.Of(person.Id, world.ProgramId, default));
        }
        var (stored, byId, held) = await App.Query(async db =>
        {
            // The order the rows lie in the table: PostgreSQL's row position, SQLite's rowid.
            var physical = await (db.Database.IsNpgsql()
                ? db.Database.SqlQuery<string>($"SELECT \"Pseudonym\" AS \"Value\" FROM \"SurveyResponses\" ORDER BY ctid")
                : db.Database.SqlQuery<string>($"SELECT \"Pseudonym\" AS \"Value\" FROM \"SurveyResponses\" ORDER BY rowid")).ToListAsync();
            var rows = await db.SurveyResponses.AsNoTracking().ToListAsync();
            return (physical, rows.OrderBy(r => r.Id).Select(r => r.Pseudonym).ToList(), await db.HeldAnswers.CountAsync());
        });
        Assert.Equal(0, held);
        Assert.Equal(codes.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.NotEqual(codes, stored);
        Assert.NotEqual(codes, byId);
    }

    [Fact]
    public async Task FewerThanKWaiting_StayHeldUntilTheSurveyCloses_ThenAreStoredWithTheRest()
    {
        var world = await Surveyed.Make(App, leaders: 2, mentors: 1);
        Assert.Equal(1, await Surveyed.Run<OpenDueSurveys>(App));
        var surveyId = await world.Survey(App, SurveyKind.Baseline);
        foreach (var person in world.Leaders.Concat(world.Mentors))
            await Surveyed.Answered(await Given.AnAccount(App, Admin, person.Email, Roles.Participant), surveyId, 4);

        Assert.Equal(0, await Surveyed.Run<ReleaseHeldAnswers>(App));
        var closes = await App.Query(db => db.Surveys.Where(s => s.Id == surveyId).Select(s => s.ClosesAt).SingleAsync());
        App.Clock.SetUtcNow(closes);
        Assert.Equal(3, await Surveyed.Run<ReleaseHeldAnswers>(App));
        Assert.Equal((3, 0), await App.Query(async db => (await db.SurveyResponses.CountAsync(), await db.HeldAnswers.CountAsync())));
    }
}
