using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Agreements;

public static class AgreementsApi
{
    public sealed record GuidelinesBody(string? Text, int? TextVersion);
    public sealed record AcknowledgeBody(int? TextVersion);
    public sealed record EditBody(int? Revision, Dictionary<string, string?>? Sections);
    public sealed record SignBody(int? Revision);

    public static void MapAgreementsApi(this RouteGroupBuilder api)
    {
        // Guidelines: read by the program's staff, sponsors and participants; written by its staff; acknowledged by participants.
        var guidelines = api.MapGroup("/programs/{programId:guid}/guidelines").WithTags("Agreements").RequireAuthorization();
        guidelines.MapGet("", (Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            Guidelines.Handle(programId, viewer, db, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<Guidelines.View>().ProducesRefusals();
        guidelines.MapPut("", (Guid programId, GuidelinesBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SaveGuidelines.Handle(new(programId, body.Text, body.TextVersion), viewer, db, clock, ct).ToHttp(saved => TypedResults.Ok(saved)))
            .RequireAuthorization(Policies.ProgramStaff).Produces<SaveGuidelines.Saved>().ProducesRefusals();
        guidelines.MapPost("/acknowledgement", (Guid programId, AcknowledgeBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            AcknowledgeGuidelines.Handle(new(programId, body.TextVersion), viewer, db, clock, ct).ToHttp())
            .ProducesRefusals();

        // The agreement: its two people only; anyone else, whatever their role, finds nothing (404).
        var agreement = api.MapGroup("/pairings/{pairingId:guid}/agreement").WithTags("Agreements").RequireAuthorization();
        agreement.MapGet("", (Guid pairingId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ViewAgreement.Handle(pairingId, viewer, db, clock, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<ViewAgreement.View>().ProducesRefusals();
        agreement.MapPut("", (Guid pairingId, EditBody body, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            EditAgreement.Handle(new(pairingId, body.Revision, body.Sections), viewer, url.Base, db, clock, ct).ToHttp(edited => TypedResults.Ok(edited)))
            .Produces<EditAgreement.Edited>().ProducesRefusals();
        agreement.MapPost("/sign", (Guid pairingId, SignBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SignAgreement.Handle(new(pairingId, body.Revision), viewer, db, clock, ct).ToHttp(signed => TypedResults.Ok(signed)))
            .Produces<SignAgreement.Signed>().ProducesRefusals();
        agreement.MapGet("/versions", (Guid pairingId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            AgreementVersions.List(pairingId, viewer, db, clock, ct).ToHttp(rows => TypedResults.Ok(rows)))
            .Produces<IReadOnlyList<AgreementVersions.Row>>().ProducesRefusals();
        agreement.MapGet("/versions/{revision:int}", (Guid pairingId, int revision, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            AgreementVersions.Get(pairingId, revision, viewer, db, clock, ct).ToHttp(one => TypedResults.Ok(one)))
            .Produces<AgreementVersions.One>().ProducesRefusals();
        agreement.MapGet("/diff", (Guid pairingId, int? from, int? to, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            AgreementVersions.Between(pairingId, from, to, viewer, db, clock, ct).ToHttp(diff => TypedResults.Ok(diff)))
            .Produces<AgreementVersions.Diff>().ProducesRefusals();

        // Program staff: signed or not, and when, per pairing of their cohort; never a section's text.
        api.MapGet("/cohorts/{cohortId:guid}/agreements", (Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            AgreementStatus.OfCohort(cohortId, viewer, db, ct).ToHttp(rows => TypedResults.Ok(rows)))
            .WithTags("Agreements").RequireAuthorization(Policies.ProgramStaff)
            .Produces<IReadOnlyList<AgreementStatus.Row>>().ProducesRefusals();
    }
}
