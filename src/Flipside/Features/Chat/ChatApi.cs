using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Chat;

public static class ChatApi
{
    public static void MapChatApi(this IEndpointRouteBuilder api)
    {
        var chat = api.MapGroup("/programs/{programId:guid}/chat").WithTags("Chat announcements").RequireAuthorization(Policies.ProgramStaff);
        chat.MapGet("/", (Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            ChatSettings.Get(programId, viewer, db, ct).ToHttp(view => TypedResults.Ok(view))).ProducesRefusals();
        chat.MapPut("/", (Guid programId, ChatSettings.Request r, Viewer viewer, FlipsideDb db, ChatOptions options, ChatWebhookSecrets secrets, TimeProvider clock,
            CancellationToken ct) => ChatSettings.Save(programId, r, viewer, db, options, secrets, clock, ct).ToHttp()).ProducesRefusals();
    }
}
