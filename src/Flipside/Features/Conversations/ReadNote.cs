using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Conversations;

/// <summary>One note the viewer may read, opened; a text that does not open says so instead of showing anything.</summary>
public static class ReadNote
{
    public static async Task<Outcome<ListNotes.Item>> Handle(Guid pairingId, Guid noteId, Viewer viewer, FlipsideDb db, PairingSecrets secrets, CancellationToken ct)
    {
        if (await EditNote.Load(pairingId, noteId, viewer, db, ct) is not ({ } pair, { } note)) return Outcome.NotFound;
        return ListNotes.Open(note, pair.Me, await secrets.For(pairingId, ct));
    }
}
