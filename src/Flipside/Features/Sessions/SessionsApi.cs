using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Sessions;

public static class SessionsApi
{
    public sealed record ProposeBody(DateTime? LocalStart, int? Minutes, string? VideoLink);
    /// <summary>The meeting's version as last read (optional): a stale one is refused with 409.</summary>
    public sealed record VersionBody(int? Version);

    /// <summary>
    /// A move. <see cref="VideoLink"/> left out keeps the meeting's link; given as null or "" it clears it. A record
    /// cannot tell "left out" from "null", so the setter notes that the field came.
    /// </summary>
    public sealed class RescheduleBody
    {
        private readonly string? _videoLink;
        public DateTime? LocalStart { get; init; }
        public int? Minutes { get; init; }
        public string? VideoLink { get => _videoLink; init => (_videoLink, VideoLinkGiven) = (value, true); }
        public int? Version { get; init; }
        [System.Text.Json.Serialization.JsonIgnore] public bool VideoLinkGiven { get; private init; }
    }
    public sealed record LogBody(bool? Held, int? Minutes, ParticipantRole? NoShow, IReadOnlyList<string>? Topics, string? Learned);
    public sealed record ActionItemBody(string? Text, ParticipantRole? Owner, DateOnly? DueOn);
    public sealed record CompleteBody(bool? Done);
    public sealed record AgendaBody(IReadOnlyList<string>? Topics, ParticipantRole? LedBy);

    // Byte for byte the same for every address that is not a live feed: no trace id, nothing that tells them apart.
    private const string FeedNotFound = """{"title":"Not found","status":404,"detail":"There is no calendar at this address."}""";

    public static void MapSessionsApi(this RouteGroupBuilder api)
    {
        // The pair's own: every route finds only the viewer's own pairings and meetings (404 otherwise).
        var pairs = api.MapGroup("/pairings/{pairingId:guid}").WithTags("Meetings").RequireAuthorization();
        pairs.MapGet("/meetings", (Guid pairingId, Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock, CancellationToken ct) =>
            PairMeetings.Handle(pairingId, viewer, db, secrets, clock, ct).ToHttp(v => TypedResults.Ok(v))).Produces<PairMeetings.View>().ProducesRefusals();
        pairs.MapGet("/meetings/suggestions", (Guid pairingId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SuggestTimes.Handle(pairingId, viewer, db, clock, ct).ToHttp(v => TypedResults.Ok(v))).Produces<IReadOnlyList<SuggestTimes.Slot>>().ProducesRefusals();
        pairs.MapPost("/meetings", (Guid pairingId, ProposeBody b, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ProposeMeeting.Handle(new(pairingId, b.LocalStart, b.Minutes, b.VideoLink), viewer, url.Base, db, clock, ct)
                .ToHttp(p => TypedResults.Created($"/api/v1/meetings/{p.MeetingId}", p)))
            .Produces<ProposeMeeting.Planned>(StatusCodes.Status201Created).ProducesRefusals();
        pairs.MapGet("/session-kit", async (Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            await PairContext.Load(viewer, pairingId, db, ct) is { } pair ? TypedResults.Ok(SessionKit.For(pair.Program.FocusAreas)) : Outcome.NotFound.ToHttp())
            .Produces<IReadOnlyList<SessionKit.Area>>().ProducesRefusals();

        var meetings = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Meetings").RequireAuthorization();
        meetings.MapPost("/accept", (Guid meetingId, VersionBody? b, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            AcceptMeeting.Handle(meetingId, b?.Version, viewer, url.Base, db, clock, ct).ToHttp()).ProducesRefusals();
        meetings.MapPost("/reschedule", (Guid meetingId, RescheduleBody b, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            RescheduleMeeting.Handle(new(meetingId, b.LocalStart, b.Minutes, b.VideoLink, b.Version, KeepVideoLink: !b.VideoLinkGiven), viewer, url.Base, db, clock, ct)
                .ToHttp(p => TypedResults.Ok(p)))
            .WithDescription("Moves a planned meeting; the partner accepts the new time. Without a videoLink field the meeting keeps its video-call link; "
                + "videoLink null or an empty string removes it. Send the version last read: a stale one is refused with 409.")
            .Produces<ProposeMeeting.Planned>().ProducesRefusals();
        meetings.MapPost("/cancel", (Guid meetingId, VersionBody? b, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            CancelMeeting.Handle(meetingId, b?.Version, viewer, url.Base, db, clock, ct).ToHttp(c => TypedResults.Ok(c))).Produces<CancelMeeting.Cancelled>().ProducesRefusals();
        meetings.MapPut("/agenda", (Guid meetingId, AgendaBody b, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SetAgenda.Handle(new(meetingId, b.Topics, b.LedBy), viewer, db, clock, ct).ToHttp()).ProducesRefusals();
        meetings.MapPut("/log", (Guid meetingId, LogBody b, Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock, CancellationToken ct) =>
            LogMeeting.Handle(new(meetingId, b.Held, b.Minutes, b.NoShow, b.Topics, b.Learned), viewer, db, secrets, clock, ct).ToHttp()).ProducesRefusals();
        meetings.MapPost("/action-items", (Guid meetingId, ActionItemBody b, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            AddActionItem.Handle(new(meetingId, b.Text, b.Owner, b.DueOn), viewer, db, clock, ct).ToHttp(id => TypedResults.Created($"/api/v1/action-items/{id}", new { id })))
            .ProducesRefusals();
        api.MapPost("/action-items/{itemId:guid}/complete", (Guid itemId, CompleteBody b, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            CompleteActionItem.Handle(itemId, b.Done ?? true, viewer, db, clock, ct).ToHttp())
            .WithTags("Meetings").RequireAuthorization().ProducesRefusals();

        // The person's own feed address: see whether one is live, make a new one (shown once), or revoke it.
        var feed = api.MapGroup("/calendar/feed").WithTags("Calendar").RequireAuthorization();
        feed.MapGet("", (Viewer viewer, FlipsideDb db, CancellationToken ct) => CalendarFeeds.Mine(viewer, db, ct).ToHttp(s => TypedResults.Ok(s)))
            .Produces<CalendarFeeds.Status>().ProducesRefusals();
        feed.MapPost("", (Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            CalendarFeeds.Renew(viewer, url.Base, db, clock, ct).ToHttp(a => TypedResults.Ok(a))).Produces<CalendarFeeds.Address>().ProducesRefusals();
        feed.MapDelete("", (Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) => CalendarFeeds.Revoke(viewer, db, clock, ct).ToHttp())
            .ProducesRefusals();

        // Read by calendar apps, which carry no cookie: the secret address is the only key. Anything but a live feed is
        // one and the same 404, whether the address was revoked, renewed or never existed.
        // With the entity tag a calendar that sends If-None-Match back gets a 304 and no body when nothing changed.
        api.MapGet("/calendar/feeds/{file}", async (string file, HttpContext http, PublicUrl url, FlipsideDb db, TimeProvider clock,
                Microsoft.Extensions.Caching.Memory.IMemoryCache cache, CancellationToken ct) =>
            {
                var feed = await CalendarFeeds.Read(file, url.Base, db, clock, ct, cache, http.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } tag ? tag : null);
                if (feed is null) return Results.Text(FeedNotFound, "application/problem+json", statusCode: StatusCodes.Status404NotFound);
                http.Response.Headers.ETag = feed.ETag;
                http.Response.Headers.CacheControl = "private, no-cache";
                return feed.Body is { } body ? Results.Bytes(body, "text/calendar; charset=utf-8") : Results.StatusCode(StatusCodes.Status304NotModified);
            })
            .WithTags("Calendar").AllowAnonymous().DisableAntiforgery().Produces<string>(200, "text/calendar").Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Program staff: a cohort's meetings as counts per pairing, never content.
        api.MapGet("/cohorts/{cohortId:guid}/meetings", (Guid cohortId, int? page, string? sort, Viewer viewer, FlipsideDb db, TimeProvider clock,
                Microsoft.Extensions.Caching.Memory.IMemoryCache cache, CancellationToken ct) =>
            CohortMeetings.Handle(cohortId, page, sort, viewer, db, clock, ct, cache).ToHttp(v => TypedResults.Ok(v)))
            .WithDescription($"A page of {CohortMeetings.PageSize} pairings (page=1, 2, …), the furthest behind their cadence first (sort=risk, the default) or by the leader's name (sort=name).")
            .WithTags("Meetings").RequireAuthorization(Policies.ProgramStaff).Produces<CohortMeetings.View>().ProducesRefusals();
    }
}
