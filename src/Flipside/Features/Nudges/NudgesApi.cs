using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Nudges;

public static class NudgesApi
{
    public sealed record PreferencesBody(IReadOnlyList<NudgeKind>? Off);

    public sealed record RequiredBody(IReadOnlyList<NudgeKind>? Required, int? Version);

    public static void MapNudgesApi(this RouteGroupBuilder api)
    {
        // Anyone signed in: their own choice of nudges.
        var mine = api.MapGroup("/account/nudges").WithTags("Nudges").RequireAuthorization();
        mine.MapGet("", (Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            NudgePreferences.Get(viewer, db, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<NudgePreferences.View>().ProducesRefusals();
        mine.MapPut("", (PreferencesBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            NudgePreferences.Save(body.Off ?? [], viewer, db, clock, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<NudgePreferences.View>().ProducesRefusals();

        // Program staff, for the programs they manage (404 otherwise).
        var programs = api.MapGroup("/programs/{programId:guid}/required-nudges").WithTags("Nudges").RequireAuthorization(Policies.ProgramStaff);
        programs.MapGet("", (Guid programId, Viewer viewer, CancellationToken ct) =>
            RequiredNudges.Get(programId, viewer, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<RequiredNudges.View>().ProducesRefusals();
        programs.MapPut("", (Guid programId, RequiredBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            RequiredNudges.Save(programId, body.Required ?? [], body.Version, viewer, db, clock, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<RequiredNudges.View>().ProducesRefusals();
    }
}
