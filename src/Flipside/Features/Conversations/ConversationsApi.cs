using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Conversations;

/// <summary>
/// A pair's notes and messages. Any signed-in account may call these, because whether someone is a partner of the
/// pairing is a fact about the record, not a role: everyone else, managers and administrators included, gets 404.
/// </summary>
public static class ConversationsApi
{
    public sealed record NoteBody(string? Text, bool Shared, Guid? MeetingId, int? Version);
    public sealed record MessageBody(string? Text);

    public static void MapConversationsApi(this RouteGroupBuilder api)
    {
        var pair = api.MapGroup("/pairings/{pairingId:guid}").WithTags("Notes and messages").RequireAuthorization();
        pair.MapGet("/notes", (Guid pairingId, Guid? meetingId, Viewer viewer, FlipsideDb db, PairingSecrets secrets, CancellationToken ct) =>
            ListNotes.Handle(pairingId, meetingId, viewer, db, secrets, ct).ToHttp(view => TypedResults.Ok(view.Notes)))
            .Produces<IReadOnlyList<ListNotes.Item>>().ProducesRefusals();
        pair.MapPost("/notes", (Guid pairingId, NoteBody body, Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock, CancellationToken ct) =>
            WriteNote.Handle(new(pairingId, body.MeetingId, body.Text, body.Shared), viewer, db, secrets, clock, ct)
                .ToHttp(note => TypedResults.Created($"/api/v1/pairings/{pairingId}/notes/{note.Id}", note)))
            .Produces<ListNotes.Item>(StatusCodes.Status201Created).ProducesRefusals();
        pair.MapGet("/notes/{noteId:guid}", (Guid pairingId, Guid noteId, Viewer viewer, FlipsideDb db, PairingSecrets secrets, CancellationToken ct) =>
            ReadNote.Handle(pairingId, noteId, viewer, db, secrets, ct).ToHttp(note => TypedResults.Ok(note)))
            .Produces<ListNotes.Item>().ProducesRefusals();
        pair.MapPut("/notes/{noteId:guid}", (Guid pairingId, Guid noteId, NoteBody body, Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock,
            CancellationToken ct) =>
            EditNote.Handle(new(pairingId, noteId, body.Text, body.Shared, body.Version), viewer, db, secrets, clock, ct).ToHttp(note => TypedResults.Ok(note)))
            .Produces<ListNotes.Item>().ProducesRefusals();
        pair.MapDelete("/notes/{noteId:guid}", (Guid pairingId, Guid noteId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            DeleteNote.Handle(pairingId, noteId, viewer, db, ct).ToHttp())
            .Produces(StatusCodes.Status204NoContent).ProducesRefusals();
        pair.MapGet("/messages", (Guid pairingId, int? page, Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock, CancellationToken ct) =>
            ListMessages.Handle(pairingId, page ?? 1, viewer, db, secrets, clock, ct)
                .ToHttp(view => TypedResults.Ok(new MessagePage(view.Messages, view.Page, view.Pages, view.Total))))
            .Produces<MessagePage>().ProducesRefusals();
        pair.MapPost("/messages", (Guid pairingId, MessageBody body, Viewer viewer, PublicUrl url, FlipsideDb db, PairingSecrets secrets, TimeProvider clock,
            CancellationToken ct) =>
            SendMessage.Handle(new(pairingId, body.Text), viewer, url.Base, db, secrets, clock, ct)
                .ToHttp(message => TypedResults.Created($"/api/v1/pairings/{pairingId}/messages", message)))
            .Produces<ListMessages.Item>(StatusCodes.Status201Created).ProducesRefusals();
    }

    /// <summary>The API's page of a conversation: newest last; page 1 is the newest.</summary>
    public sealed record MessagePage(IReadOnlyList<ListMessages.Item> Messages, int Page, int Pages, int Total);
}
