using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Training;

public static class TrainingApi
{
    public sealed record CompletionBody(bool? Acknowledged, IReadOnlyList<int?>? Answers);
    public sealed record RequirementsBody(IReadOnlyList<string>? ForMentors, IReadOnlyList<string>? ForMentees, bool? SupervisionCircles);
    public sealed record ModuleBody(string? Title, string? Body, string? Questions, int? Version);
    public sealed record Saved(string Key);
    public sealed record CircleBody(DateOnly? Date, TimeOnly? Time, string? TimeZone, int? Minutes, string? VideoLink, int? Version);
    public sealed record Scheduled(Guid Id);
    public sealed record AttendanceBody(IReadOnlyList<Guid>? Attended);

    public static void MapTrainingApi(this RouteGroupBuilder api)
    {
        var training = api.MapGroup("/training").WithTags("Training");

        // Participants and managers: each reads only programs they take part in or manage (404 otherwise).
        var any = training.MapGroup("").RequireAuthorization();
        any.MapGet("/mine", async (Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await MyTraining.Handle(viewer, db, clock, ct))).Produces<IReadOnlyList<MyTraining.Enrolment>>();
        any.MapGet("/programs/{programId:guid}/modules", (Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            ReadModule.List(programId, viewer, db, ct).ToHttp(list => TypedResults.Ok(list)))
            .Produces<IReadOnlyList<ReadModule.ListItem>>().ProducesRefusals();
        any.MapGet("/programs/{programId:guid}/modules/{key}", (Guid programId, string key, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            ReadModule.Handle(programId, key, viewer, db, ct).ToHttp(module => TypedResults.Ok(module)))
            .Produces<ReadModule.Module>().ProducesRefusals();
        any.MapPost("/programs/{programId:guid}/modules/{key}/completion", (Guid programId, string key, CompletionBody body, Viewer viewer, FlipsideDb db,
            TimeProvider clock, CancellationToken ct) =>
            CompleteModule.Handle(new(programId, key, body.Acknowledged == true, body.Answers ?? []), viewer, db, clock, ct)
                .ToHttp(result => TypedResults.Ok(result)))
            .Produces<CompleteModule.Result>().ProducesRefusals();

        // Program staff: the policy first, then that the program or cohort is theirs (404 otherwise).
        var staff = training.MapGroup("").RequireAuthorization(Policies.ProgramStaff);
        staff.MapGet("/programs/{programId:guid}/requirements", (Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            TrainingRequirements.Get(programId, viewer, db, ct).ToHttp(settings => TypedResults.Ok(settings)))
            .Produces<TrainingRequirements.Settings>().ProducesRefusals();
        staff.MapPut("/programs/{programId:guid}/requirements", (Guid programId, RequirementsBody body, Viewer viewer, FlipsideDb db, TimeProvider clock,
            CancellationToken ct) =>
            body is { ForMentors: { } mentors, ForMentees: { } mentees }
                ? TrainingRequirements.Save(new(programId, mentors, mentees, body.SupervisionCircles == true), viewer, db, clock, ct).ToHttp()
                : Task.FromResult(Outcome.Invalid(body.ForMentors is null ? "forMentors" : "forMentees",
                    "Send both lists of module keys, forMentors and forMentees (an empty list requires nothing).").ToHttp()))
            .ProducesRefusals();
        staff.MapPost("/programs/{programId:guid}/modules", (Guid programId, ModuleBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SaveModule.Handle(new(programId, null, body.Title, body.Body, body.Questions, null), viewer, db, clock, ct)
                .ToHttp(key => TypedResults.Created($"/api/v1/training/programs/{programId}/modules/{key}", new Saved(key))))
            .Produces<Saved>(StatusCodes.Status201Created).ProducesRefusals();
        staff.MapPut("/programs/{programId:guid}/modules/{key}", (Guid programId, string key, ModuleBody body, Viewer viewer, FlipsideDb db, TimeProvider clock,
            CancellationToken ct) =>
            SaveModule.Handle(new(programId, key, body.Title, body.Body, body.Questions, body.Version), viewer, db, clock, ct).ToHttp(k => TypedResults.Ok(new Saved(k))))
            .Produces<Saved>().ProducesRefusals();
        staff.MapGet("/cohorts/{cohortId:guid}/status", (Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            CohortTraining.Handle(cohortId, viewer, db, ct).ToHttp(status => TypedResults.Ok(status)))
            .Produces<CohortTraining.Status>().ProducesRefusals();
        staff.MapPost("/cohorts/{cohortId:guid}/reminders", (Guid cohortId, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            RemindTraining.Handle(cohortId, viewer, url.Base, db, clock, ct).ToHttp(sent => TypedResults.Ok(sent)))
            .Produces<RemindTraining.Sent>().ProducesRefusals();
        staff.MapGet("/cohorts/{cohortId:guid}/circles", (Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            CohortCircles.Handle(cohortId, viewer, db, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<CohortCircles.View>().ProducesRefusals();
        staff.MapPost("/cohorts/{cohortId:guid}/circles", (Guid cohortId, CircleBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ScheduleCircle.Handle(new(cohortId, null, body.Date, body.Time, body.TimeZone, body.Minutes, body.VideoLink, null), viewer, db, clock, ct)
                .ToHttp(id => TypedResults.Created($"/api/v1/training/cohorts/{cohortId}/circles", new Scheduled(id))))
            .Produces<Scheduled>(StatusCodes.Status201Created).ProducesRefusals();
        staff.MapPut("/cohorts/{cohortId:guid}/circles/{circleId:guid}", (Guid cohortId, Guid circleId, CircleBody body, Viewer viewer, FlipsideDb db,
            TimeProvider clock, CancellationToken ct) =>
            ScheduleCircle.Handle(new(cohortId, circleId, body.Date, body.Time, body.TimeZone, body.Minutes, body.VideoLink, body.Version), viewer, db, clock, ct)
                .ToHttp(id => TypedResults.Ok(new Scheduled(id))))
            .Produces<Scheduled>().ProducesRefusals();
        staff.MapDelete("/circles/{circleId:guid}", (Guid circleId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            CancelCircle.Handle(circleId, viewer, db, clock, ct).ToHttp())
            .ProducesRefusals();
        staff.MapPut("/circles/{circleId:guid}/attendance", (Guid circleId, AttendanceBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            RecordAttendance.Handle(new(circleId, body.Attended ?? []), viewer, db, clock, ct).ToHttp())
            .ProducesRefusals();
    }
}
