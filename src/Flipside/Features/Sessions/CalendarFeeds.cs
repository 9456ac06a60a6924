using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Calendar;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Sessions;

/// <summary>
/// A person's private calendar feed: one secret address (only its hash is stored) that Outlook, Google and Apple read
/// without signing in. Renewing makes a new address and retires the old; revoking retires it. A retired or unknown
/// address reads exactly alike, so it says nothing about whether it ever existed.
/// </summary>
public static class CalendarFeeds
{
    public const string FeedPath = "/api/v1/calendar/feeds/";

    public sealed record Status(bool Active, DateTimeOffset? Since);

    /// <summary>The address, shown once: only its hash is kept, so it cannot be shown again.</summary>
    public sealed record Address(string Url, DateTimeOffset Since);

    public static async Task<Outcome<Status>> Mine(Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await viewer.Person(ct) is not { } person) return NoPerson;
        var since = await db.CalendarFeeds.Where(f => f.PersonId == person.Id && f.RevokedAt == null).Select(f => (DateTimeOffset?)f.CreatedAt).FirstOrDefaultAsync(ct);
        return new Status(since is not null, since);
    }

    public static async Task<Outcome<Address>> Renew(Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await viewer.Person(ct) is not { } person) return NoPerson;
        var now = clock.GetUtcNow();
        await Retire(person.Id, db, now, ct);
        var token = Tokens.New();
        db.CalendarFeeds.Add(new CalendarFeed(person.Id, Tokens.Hash(token), now));
        db.Record(viewer, now, "calendar-feed.renewed", "Person", person.Id, "made a new calendar feed address");
        await db.SaveChangesAsync(ct);
        return new Address($"{baseUrl}{FeedPath}{token}.ics", now);
    }

    public static async Task<Outcome<Done>> Revoke(Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await viewer.Person(ct) is not { } person) return NoPerson;
        var now = clock.GetUtcNow();
        await Retire(person.Id, db, now, ct);
        db.Record(viewer, now, "calendar-feed.revoked", "Person", person.Id, "revoked the calendar feed address");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    private static async Task Retire(Guid personId, FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var feed in await db.CalendarFeeds.Where(f => f.PersonId == personId && f.RevokedAt == null).ToListAsync(ct)) feed.Revoke(now);
    }

    /// <summary>A live feed: its entity tag, and its text as UTF-8, or null when the caller's copy (If-None-Match) is current.</summary>
    public sealed record Feed(string ETag, byte[]? Body);

    /// <summary>The feed for "{token}.ics", or null for any address that is not a live feed.</summary>
    public static async Task<Feed?> Read(string file, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct, IMemoryCache? cache = null,
        string? ifNoneMatch = null)
    {
        if (!file.EndsWith(".ics", StringComparison.Ordinal) || file.Length > 100) return null;
        var hash = Tokens.Hash(file[..^".ics".Length]);
        // Calendars poll: while nothing at all has been saved (the data stamp holds), the address's last answer is served
        // from memory after one read of the stamp. Revoking, renewing or leaving is a save, so it ends the copy at once.
        var feed = await StampedCache.GetOrBuild(new FeedAddress(hash, baseUrl), cache, db, clock, () => Build(hash, baseUrl, db, clock, cache, ct), ct);
        if (feed is null) return null;
        return ifNoneMatch is not null && ifNoneMatch.Split(',').Any(t => t.Trim() == feed.ETag || t.Trim() == "*") ? feed with { Body = null } : feed;
    }

    private sealed record FeedAddress(string TokenHash, string BaseUrl);

    private static async Task<Feed?> Build(string hash, string baseUrl, FlipsideDb db, TimeProvider clock, IMemoryCache? cache, CancellationToken ct)
    {
        // A leaver's address dies with their leaving, whoever still holds it; and only running pairings are listed, so an
        // ended pairing's meetings drop out of every subscribed calendar at its next refresh.
        var person = await db.CalendarFeeds.Where(f => f.TokenHash == hash && f.RevokedAt == null)
            .Join(db.People.Where(p => p.Status != PersonStatus.Left), f => f.PersonId, p => p.Id, (f, p) => new { p.Id, p.Name, p.Email, p.TimeZone }).FirstOrDefaultAsync(ct);
        if (person is null) return null;
        var running = db.Pairings.Where(p => p.PublishedAt != null && (p.Status == PairingStatus.Active || p.Status == PairingStatus.Paused)
            && (p.MentorEnrollment.PersonId == person.Id || p.MenteeEnrollment.PersonId == person.Id));
        // Calendars poll feeds often and meetings change rarely. The feed is stamped with its pairings' count stamps (which
        // every saved change to one of their meetings moves, in the same transaction: MeetingCounter) and the circles'
        // versions, so a stale copy is never served, on this instance or any other. The stamp is a couple of small reads,
        // and the text is kept per person: a save elsewhere in the app does not make the feed be built again.
        // With the names and addresses every event shows, so a partner's new name or a renamed program is a new feed.
        var stamps = await running.Select(p => new
        {
            p.Id, Stamp = db.PairingMeetingCounts.Where(c => c.PairingId == p.Id).Select(c => c.Stamp).FirstOrDefault(),
            Shown = p.Cohort.Program.Name + "/" + p.MentorEnrollment.Person.Name + "/" + p.MentorEnrollment.Person.Email + "/"
                    + p.MenteeEnrollment.Person.Name + "/" + p.MenteeEnrollment.Person.Email,
        })
            .ToListAsync(ct);
        var ids = stamps.Select(s => s.Id).Order().ToList();
        // The supervision circles of the cohorts where the person is an enrolled mentor, stamped by their versions.
        var circles = db.SupervisionCircles.Where(c => db.Enrollments.Any(e => e.CohortId == c.CohortId && e.PersonId == person.Id
            && e.Role == ParticipantRole.Mentor && e.Status == EnrollmentStatus.Enrolled));
        var circleStamp = await circles.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Versions = g.Sum(c => (long)c.Version) }).FirstOrDefaultAsync(ct);
        var shown = string.Join("|", stamps.OrderBy(s => s.Id).Select(s => s.Shown));
        var version = $"{stamps.Sum(s => s.Stamp)}/{circleStamp?.Count}/{circleStamp?.Versions}/{string.Join(",", ids)}/{person.Name}/{person.Email}/{person.TimeZone}/{baseUrl}/{shown}";
        var etag = $"\"{Tokens.Hash(version)[..32]}\"";
        var key = (FeedCache, person.Id);
        if (cache is not null && cache.TryGetValue(key, out (string ETag, byte[] Body) kept) && kept.ETag == etag) return new Feed(etag, kept.Body);
        var pairings = await running.AsNoTracking()
            .Select(p => new
            {
                p.Id, Program = p.Cohort.Program.Name,
                Mentor = new CalendarPerson(p.MentorEnrollment.Person.Name, p.MentorEnrollment.Person.Email, false),
                Mentee = new CalendarPerson(p.MenteeEnrollment.Person.Name, p.MenteeEnrollment.Person.Email, false),
            })
            .ToDictionaryAsync(p => p.Id, ct);
        ids = [.. ids.Where(pairings.ContainsKey)];
        var meetings = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.PairingId)).OrderBy(m => m.StartsAt).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var entries = meetings.Select(m =>
        {
            var p = pairings[m.PairingId];
            var confirmed = m.Status is MeetingStatus.Accepted or MeetingStatus.Held or MeetingStatus.NotHeld;
            CalendarPerson As(CalendarPerson who, ParticipantRole role) => who with { Accepted = confirmed || m.ProposedBy == role };
            return new CalendarEntry(m.CalendarUid, m.Sequence, m.StartsAt, m.Minutes, $"{p.Program}: {p.Mentor.Name} and {p.Mentee.Name}",
                $"A reverse-mentoring meeting in {p.Program}.", m.VideoLink, $"{baseUrl}/Sessions/Meetings?pairingId={m.PairingId}",
                As(m.OrganizedBy == ParticipantRole.Mentor ? p.Mentor : p.Mentee, m.OrganizedBy),
                [As(p.Mentor, ParticipantRole.Mentor), As(p.Mentee, ParticipantRole.Mentee)], m.Status == MeetingStatus.Cancelled, confirmed, now);
        });
        var circleEntries = new List<CalendarEntry>();
        foreach (var cohort in (await circles.AsNoTracking().ToListAsync(ct)).GroupBy(c => c.CohortId))
        {
            var c = await db.Cohorts.AsNoTracking().Include(k => k.Program).SingleAsync(k => k.Id == cohort.Key, ct);
            var organizer = await Training.CircleInvites.Organizer(c.Program, db, ct);
            var me = new Training.CircleInvites.Invited(Guid.Empty, person.Name, person.Email, person.TimeZone);
            circleEntries.AddRange(cohort.Select(circle => Training.CircleInvites.Entry(circle, circle.Version, c.Program, c.Name, organizer, me, cancelled: false, now)));
        }
        var text = MeetingCalendar.Feed($"Flipside: {person.Name}", entries.Concat(circleEntries).OrderBy(e => e.StartsAt), Zones.Of(person.TimeZone).Id);
        var body = System.Text.Encoding.UTF8.GetBytes(text);
        cache?.Set(key, (etag, body), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
        return new Feed(etag, body);
    }

    private const string FeedCache = "calendar-feed";

    private static Problem NoPerson => Outcome.Conflict("Your account has no entry in the directory, so there are no meetings to put in a calendar.");
}
