using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Privacy;

public static class PrivacyApi
{
    /// <summary>On the people group: <c>POST /api/v1/people/{id}/erase</c>.</summary>
    public static RouteGroupBuilder MapErasureApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/erase", (Guid id, Viewer viewer, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken ct) =>
            ErasePerson.Handle(id, viewer, db, pseudonyms, clock, ct).ToHttp(r => TypedResults.Ok(r)))
            .Produces<ErasePerson.Result>().ProducesRefusals()
            .WithDescription("Erases one person (administrators only): everything that names them is removed or replaced by a pseudonym. Erasing again answers with the first erasure.");
        return group;
    }
}
