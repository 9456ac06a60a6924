using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Surveys;

public static class SurveysApi
{
    public sealed record AnswerBody(Dictionary<string, int?>? Answers, string? Comment);
    public sealed record PulseBody(int? Useful, int? SpokeOpenly);
    public sealed record OpenBody(SurveyKind? Kind, DateOnly? ClosesOn);
    public sealed record CloseBody(DateOnly? ClosesOn, int? Version);
    public sealed record InstrumentBody(List<SurveyQuestion>? Questions, int? Version);

    public static void MapSurveysApi(this RouteGroupBuilder api)
    {
        // Respondents: their own cohorts' surveys only (404 otherwise); their own answers, found by their pseudonym.
        var mine = api.MapGroup("").WithTags("Surveys").RequireAuthorization();
        mine.MapGet("/surveys/mine", (Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            MySurveys.Handle(viewer, db, clock, ct).ToHttp(v => TypedResults.Ok(v))).Produces<IReadOnlyList<MySurveys.Item>>().ProducesRefusals();
        mine.MapGet("/surveys/{surveyId:guid}", (Guid surveyId, Viewer viewer, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken ct) =>
            ViewSurvey.Handle(surveyId, viewer, db, pseudonyms, clock, ct).ToHttp(v => TypedResults.Ok(v))).Produces<ViewSurvey.View>().ProducesRefusals();
        mine.MapPost("/surveys/{surveyId:guid}/response", (Guid surveyId, AnswerBody b, Viewer viewer, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken ct) =>
            AnswerSurvey.Handle(new(surveyId, b.Answers, b.Comment), viewer, db, pseudonyms, clock, ct).ToHttp()).ProducesRefusals();
        mine.MapGet("/meetings/{meetingId:guid}/pulse", (Guid meetingId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            GivePulse.Check(meetingId, viewer, db, ct).ToHttp(v => TypedResults.Ok(v))).Produces<GivePulse.Status>().ProducesRefusals();
        mine.MapPost("/meetings/{meetingId:guid}/pulse", (Guid meetingId, PulseBody b, Viewer viewer, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken ct) =>
            GivePulse.Handle(new(meetingId, b.Useful, b.SpokeOpenly), viewer, db, pseudonyms, clock, ct).ToHttp()).ProducesRefusals();

        // Program staff: timelines, response rates and k-gated aggregates; flags on pairings; the program's instruments.
        var staff = api.MapGroup("").WithTags("Surveys").RequireAuthorization(Policies.ProgramStaff);
        staff.MapGet("/cohorts/{cohortId:guid}/surveys", (Guid cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            CohortSurveys.Handle(cohortId, viewer, db, clock, ct).ToHttp(v => TypedResults.Ok(v))).Produces<CohortSurveys.View>().ProducesRefusals();
        staff.MapPost("/cohorts/{cohortId:guid}/surveys", (Guid cohortId, OpenBody b, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            OpenSurvey.Handle(new(cohortId, b.Kind, b.ClosesOn), viewer, db, clock, ct).ToHttp(id => TypedResults.Created($"/api/v1/surveys/{id}/results", new { id })))
            .ProducesRefusals();
        staff.MapPut("/surveys/{surveyId:guid}/closes-on", (Guid surveyId, CloseBody b, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            OpenSurvey.ChangeClose(new(surveyId, b.ClosesOn, b.Version), viewer, db, clock, ct).ToHttp()).ProducesRefusals();
        staff.MapPost("/surveys/{surveyId:guid}/close", (Guid surveyId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            CloseSurvey.Handle(surveyId, viewer, db, clock, ct).ToHttp()).ProducesRefusals();
        // Results: managers and sponsors (aggregates with k, ARCHITECTURE's roles); the use case refuses everyone else.
        var reporting = api.MapGroup("").WithTags("Surveys").RequireAuthorization();
        reporting.MapGet("/surveys/{surveyId:guid}/results", (Guid surveyId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SurveyResults.Handle(surveyId, viewer, db, clock, ct).ToHttp(v => TypedResults.Ok(v))).Produces<SurveyResults.View>().ProducesRefusals();
        reporting.MapGet("/surveys/{surveyId:guid}/results.csv", (Guid surveyId, SurveyResults.Group? group, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SurveyResults.Csv(surveyId, group ?? SurveyResults.Group.Everyone, viewer, db, clock, ct)
                .ToHttp(csv => Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", $"survey-{surveyId:N}.csv")))
                .RequireRateLimiting(Infrastructure.Security.RateLimits.Bulk)
            .Produces<string>(200, "text/csv").ProducesRefusals();
        staff.MapGet("/programs/{id:guid}/flags", (Guid id, Guid? cohortId, bool? all, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            PairFlags.Handle(id, cohortId, all ?? false, viewer, db, clock, ct).ToHttp(v => TypedResults.Ok(v))).Produces<IReadOnlyList<PairFlags.Row>>().ProducesRefusals();
        staff.MapPost("/flags/{flagId:guid}/resolve", (Guid flagId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            PairFlags.Resolve(flagId, viewer, db, clock, ct).ToHttp()).ProducesRefusals();
        staff.MapGet("/programs/{id:guid}/instruments/{kind}", (Guid id, SurveyKind kind, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            EditInstrument.Load(id, kind, viewer, db, ct).ToHttp(v => TypedResults.Ok(v))).Produces<EditInstrument.View>().ProducesRefusals();
        staff.MapPut("/programs/{id:guid}/instruments/{kind}", (Guid id, SurveyKind kind, InstrumentBody b, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            EditInstrument.Save(new(id, kind, b.Questions, b.Version), viewer, db, clock, ct).ToHttp()).ProducesRefusals();
        staff.MapDelete("/programs/{id:guid}/instruments/{kind}", (Guid id, SurveyKind kind, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            EditInstrument.Reset(id, kind, viewer, db, clock, ct).ToHttp()).ProducesRefusals();
    }
}
