using System.Globalization;
using System.Text.Json.Nodes;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.People;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Scim;

/// <summary>
/// SCIM Users on the directory: every write goes through <see cref="ChangePerson"/>, so an identity provider meets the
/// import's rules (unique employee id and email, grade, time zone, no management cycle) and a deactivated person leaves
/// as the import makes them leave. A refused request writes nothing.
/// </summary>
public sealed class ProvisionUsers(FlipsideDb db, Viewer viewer, TimeProvider clock, string usersUrl, int defaultGrade, string? breakGlassEmail = null)
{
    /// <summary>What a person created without these fields gets; an administrator corrects them on the person's page.</summary>
    public const string DefaultDepartment = "Unassigned", DefaultTimeZone = "UTC";

    public async Task<(Guid Id, JsonObject User)> Create(JsonObject body, CancellationToken ct)
    {
        var fields = ScimUserJson.Read(body);
        await NoAdministrator(body, null, ct);
        var userName = fields.UserName.ToLowerInvariant();
        var leaver = await UserNameFree(userName, null, ct);
        var email = fields.Email ?? (FieldErrors.IsEmail(fields.UserName) ? fields.UserName : "");
        var request = new ChangePerson.Request(null, fields.EmployeeNumber ?? fields.UserName, fields.Name ?? fields.UserName, email,
            fields.Grade ?? defaultGrade.ToString(CultureInfo.InvariantCulture), fields.Department ?? DefaultDepartment, fields.TimeZone ?? DefaultTimeZone,
            fields.Title ?? "", fields.Location ?? "", await ManagerId(fields.Manager, ct), fields.HireDate ?? "", "", fields.Languages ?? "",
            fields.Active == false ? "left" : "active");
        var result = await Releasing(leaver, () => Change(request, fields, null, ct), ct);
        return (result.Id, await Get(result.Id, ct));
    }

    public async Task<JsonObject> Get(Guid id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct) ?? throw NotFound(id);
        return (await Resources([person], ct))[0];
    }

    public async Task<JsonObject> List(string? filter, int startIndex, int count, CancellationToken ct)
    {
        // An erased person is gone for the identity provider too: listing, reading or changing them would restore them.
        var people = db.People.AsNoTracking().Where(p => p.ErasedAt == null);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var (on, value) = ScimFilter.Parse(filter);
            var lower = value.ToLowerInvariant();
            people = on switch
            {
                // A person imported from a file has no SCIM identity yet: their email is their userName until an IdP links them.
                ScimFilter.On.UserName => people.Where(p => db.ScimIdentities.Any(i => i.PersonId == p.Id && i.UserName == lower)
                    || !db.ScimIdentities.Any(i => i.PersonId == p.Id) && p.Email == lower),
                ScimFilter.On.ExternalId => people.Where(p => db.ScimIdentities.Any(i => i.PersonId == p.Id && i.ExternalId == value)),
                ScimFilter.On.Id => Guid.TryParse(value, out var id) ? people.Where(p => p.Id == id) : people.Where(p => false),
                _ => people.Where(p => p.Email == lower),
            };
        }
        var total = await people.CountAsync(ct);
        var page = count == 0 ? [] : await people.OrderBy(p => p.EmployeeId).Skip(startIndex - 1).Take(count).ToListAsync(ct);
        var resources = await Resources(page, ct);
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimJson.ListResponse),
            ["totalResults"] = total,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = resources.Count,
            ["Resources"] = new JsonArray([.. resources]),
        };
    }

    /// <summary>PUT: the body replaces what it names; what it leaves out is kept, since the IdP does not own every field.</summary>
    public async Task<JsonObject> Replace(Guid id, JsonObject body, CancellationToken ct)
    {
        var (person, identity) = await Load(id, ct);
        var fields = ScimUserJson.Read(body);
        await NoAdministrator(body, id, ct);
        await Update(person, identity, fields, cleared: false, ct);
        return await Get(id, ct);
    }

    /// <summary>PATCH: applied to the resource as it stands, then written like a PUT in which a removed attribute is cleared.</summary>
    public async Task<JsonObject> Patch(Guid id, JsonObject body, CancellationToken ct)
    {
        var (person, identity) = await Load(id, ct);
        var resource = (await Resources([person], ct))[0];
        ScimPatch.Apply(resource, body);
        await NoAdministrator(resource, id, ct);
        await Update(person, identity, ScimUserJson.Read(resource), cleared: true, ct);
        return await Get(id, ct);
    }

    /// <summary>DELETE marks the person left, as deactivation does: the directory keeps leavers for history and undo.</summary>
    public async Task Deactivate(Guid id, CancellationToken ct)
    {
        var (person, _) = await Load(id, ct);
        if (person.Status == PersonStatus.Left) return;
        await KeepAnAdministrator(person, ct);
        await Change(Same(person) with { Status = "left" }, null, null, ct);
    }

    private async Task Update(Person person, ScimIdentity? identity, ScimUserFields fields, bool cleared, CancellationToken ct)
    {
        var leaver = await UserNameFree(fields.UserName.ToLowerInvariant(), person.Id, ct);
        var same = Same(person);
        string Optional(string? sent, string current) => sent ?? (cleared ? "" : current);
        var status = fields.Active switch
        {
            false => "left",
            true when person.Status == PersonStatus.Left => "active",
            _ => same.Status,
        };
        if (status == "left" && person.Status != PersonStatus.Left) await KeepAnAdministrator(person, ct);
        // An IdP that reactivates a User means them to sign in again: the account that leaving deactivated comes back with them.
        var account = status == "active" && person.Status == PersonStatus.Left && person.Email.Contains('@', StringComparison.Ordinal)
            ? await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == person.Email.ToUpperInvariant() && !u.IsActive, ct)
            : null;
        var request = same with
        {
            Name = fields.Name ?? person.Name,
            Email = fields.Email ?? person.Email,
            Grade = fields.Grade ?? same.Grade,
            Department = fields.Department ?? person.Department,
            TimeZone = fields.TimeZone ?? person.TimeZone,
            EmployeeId = fields.EmployeeNumber ?? person.EmployeeId,
            Title = Optional(fields.Title, person.Title),
            Location = Optional(fields.Location, person.Location),
            ManagerId = fields.Manager is null && !cleared ? same.ManagerId : await ManagerId(fields.Manager ?? "", ct),
            HireDate = Optional(fields.HireDate, same.HireDate),
            Languages = Optional(fields.Languages, person.Languages),
            Status = status,
        };
        await Releasing(leaver, () => Change(request, fields, identity, ct, account), ct);
    }

    /// <summary>
    /// As the import releases a leaver's email, a leaver's userName passes to whoever the IdP sends now: released in a save
    /// of its own (the name is unique) inside one transaction with the change, so a refused change keeps it where it was.
    /// </summary>
    private async Task<T> Releasing<T>(ScimIdentity? leaver, Func<Task<T>> change, CancellationToken ct)
    {
        if (leaver is null) return await change();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Record(viewer, clock.GetUtcNow(), "person.scim-released", "Person", leaver.PersonId, $"userName {leaver.UserName} released: they have left");
        leaver.UserName = $"(released) {leaver.PersonId}";
        await db.SaveChangesAsync(ct);
        var result = await change();
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// roles and entitlements give nothing in Flipside, but one naming Administrator is an IdP trying to make an
    /// administrator: refused and audited, as the Administrator group refuses new members. Only the Accounts page makes one.
    /// </summary>
    private async Task NoAdministrator(JsonObject body, Guid? id, CancellationToken ct)
    {
        static IEnumerable<string> Values(JsonNode? node) => node switch
        {
            JsonArray list => list.SelectMany(Values),
            JsonObject o => o.Where(p => p.Key.Equals("value", StringComparison.OrdinalIgnoreCase) || p.Key.Equals("display", StringComparison.OrdinalIgnoreCase))
                .SelectMany(p => Values(p.Value)),
            JsonValue v when v.TryGetValue<string>(out var text) => [text],
            _ => [],
        };
        var asked = body.Where(p => p.Key.Equals("roles", StringComparison.OrdinalIgnoreCase) || p.Key.Equals("entitlements", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => Values(p.Value)).Any(v => v.Trim().Equals(Roles.Administrator, StringComparison.OrdinalIgnoreCase));
        if (!asked) return;
        db.Record(viewer, clock.GetUtcNow(), "scim.administrator-refused", "Person", id?.ToString() ?? "(new)",
            $"SCIM asked to make {(string?)body["userName"] ?? "a User"} an administrator through roles or entitlements");
        await db.SaveChangesAsync(ct);
        throw ScimException.Mutability("SCIM cannot give the Administrator role: an administrator gives it on Flipside's Accounts page. Leave Administrator out of roles and entitlements.");
    }

    /// <summary>
    /// Leaving deactivates the person's account. SCIM may not do that to the break-glass administrator (the way in when
    /// the identity provider fails) or to the last active administrator: an IdP's mistake would lock everyone out.
    /// </summary>
    private async Task KeepAnAdministrator(Person person, CancellationToken ct)
    {
        var admins = await (from link in db.UserRoles
                            join r in db.Roles on link.RoleId equals r.Id
                            join u in db.Users on link.UserId equals u.Id
                            where r.Name == Roles.Administrator && u.IsActive && u.Email != null
                            select u.Email!).ToListAsync(ct);
        var theirs = admins.Count(e => e.Equals(person.Email, StringComparison.OrdinalIgnoreCase));
        if (theirs == 0) return;
        if (breakGlassEmail is not null && person.Email.Equals(breakGlassEmail, StringComparison.OrdinalIgnoreCase))
            throw ScimException.Mutability($"{person.Email} is the break-glass administrator (Sso:BreakGlassEmail): SCIM cannot deactivate it.");
        if (theirs == admins.Count)
            throw ScimException.Mutability($"{person.Email} is the last active administrator: make someone else an administrator before deactivating them.");
    }

    private async Task<ChangePerson.Result> Change(ChangePerson.Request request, ScimUserFields? fields, ScimIdentity? identity, CancellationToken ct,
        FlipsideUser? reactivate = null)
    {
        void Link(Person person)
        {
            if (reactivate is not null)
            {
                // As the Accounts page reactivates: a new security stamp, so nothing signed in before leaving comes back.
                reactivate.IsActive = true;
                reactivate.SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
                reactivate.ConcurrencyStamp = Guid.NewGuid().ToString();
                db.Record(viewer, clock.GetUtcNow(), "account.reactivated", "Account", reactivate.Id, $"{reactivate.Email}: active again in the directory (SCIM)");
            }
            if (fields is null) return;
            identity ??= db.ScimIdentities.Add(new ScimIdentity(person.Id)).Entity;
            identity.UserName = fields.UserName.ToLowerInvariant();
            identity.ExternalId = fields.ExternalId ?? identity.ExternalId;
            (identity.GivenName, identity.FamilyName, identity.NameSent) = (fields.GivenName?.Trim() ?? "", fields.FamilyName?.Trim() ?? "", person.Name);
        }
        var outcome = await Outcome.Of(ChangePerson.Handle(request, viewer, db, clock, ct, Link));
        if (outcome.Problem is { } problem) throw Refused(problem);
        // Nothing in the directory changed, so the use case saved nothing; what the IdP calls the person may still have.
        if (!outcome.Value.Created && outcome.Value.Changed.Count == 0 && fields is not null)
        {
            Link(await db.People.SingleAsync(p => p.Id == outcome.Value.Id, ct));
            if (db.ChangeTracker.HasChanges())
            {
                db.Record(viewer, clock.GetUtcNow(), "person.scim-linked", "Person", outcome.Value.Id, $"{outcome.Value.EmployeeId}: userName {fields.UserName}");
                await db.SaveChangesAsync(ct);
            }
        }
        return outcome.Value;
    }

    private static ScimException Refused(Problem problem) => problem.Refusal switch
    {
        Refusal.Invalid => ScimException.InvalidValue(string.Join(" ", problem.Errors.Select(e => $"{e.Field}: {e.Message}"))),
        Refusal.NotFound => ScimException.NotFound(problem.Reason),
        Refusal.Forbidden => new ScimException(StatusCodes.Status403Forbidden, null, problem.Reason),
        _ when problem.Reason.Contains("belongs to", StringComparison.Ordinal) => ScimException.Uniqueness(problem.Reason),
        // A unique index won by another request between the checks and the save: what the IdP must hear is "uniqueness".
        _ when problem.Reason == Outcome.SameTime => ScimException.Uniqueness(problem.Reason),
        _ => new ScimException(StatusCodes.Status409Conflict, null, problem.Reason),
    };

    /// <summary>
    /// Refuses a userName someone in the directory answers to. A leaver's is free, as the import frees a leaver's email:
    /// returned when their SCIM identity holds it, for the caller to release.
    /// </summary>
    private async Task<ScimIdentity?> UserNameFree(string userName, Guid? self, CancellationToken ct)
    {
        var linked = await db.ScimIdentities.Where(i => i.UserName == userName && i.PersonId != self)
            .Select(i => new { i.PersonId, Left = db.People.Any(p => p.Id == i.PersonId && p.Status == PersonStatus.Left) }).FirstOrDefaultAsync(ct);
        var holder = linked is { Left: false } ? linked.PersonId
            : await db.People.Where(p => p.Email == userName && p.Id != self && p.Status != PersonStatus.Left && !db.ScimIdentities.Any(i => i.PersonId == p.Id))
                .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (holder is { } id)
            throw ScimException.Uniqueness($"The userName {userName} is already used by the User {id}; find it with filter=userName eq \"{userName}\".");
        return linked is null ? null : await db.ScimIdentities.SingleAsync(i => i.PersonId == linked.PersonId, ct);
    }

    /// <summary>The IdP names a manager by their SCIM id; an employee id is taken too, as the import writes it.</summary>
    private async Task<string> ManagerId(string? value, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        if (Guid.TryParse(value, out var id) && await db.People.Where(p => p.Id == id).Select(p => p.EmployeeId).FirstOrDefaultAsync(ct) is { } employeeId)
            return employeeId;
        return value.Trim();
    }

    private async Task<(Person Person, ScimIdentity? Identity)> Load(Guid id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound(id);
        return (person, await db.ScimIdentities.SingleOrDefaultAsync(i => i.PersonId == id, ct));
    }

    /// <summary>The person as a change request that changes nothing, with the version it was read at.</summary>
    private static ChangePerson.Request Same(Person p) => new(p.Id, p.EmployeeId, p.Name, p.Email, p.Grade.ToString(CultureInfo.InvariantCulture),
        p.Department, p.TimeZone, p.Title, p.Location, p.ManagerEmployeeId ?? "", p.HireDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        p.BirthYear?.ToString(CultureInfo.InvariantCulture) ?? "", p.Languages, PersonStatusText.Slug(p.Status), p.Version);

    private async Task<List<JsonObject>> Resources(List<Person> people, CancellationToken ct)
    {
        var ids = people.Select(p => p.Id).ToList();
        var identities = await db.ScimIdentities.AsNoTracking().Where(i => ids.Contains(i.PersonId)).ToDictionaryAsync(i => i.PersonId, ct);
        var managerIds = people.Select(p => p.ManagerEmployeeId).OfType<string>().Distinct().ToList();
        var managers = managerIds.Count == 0 ? [] : await db.People.AsNoTracking().Where(p => managerIds.Contains(p.EmployeeId))
            .Select(p => new { p.EmployeeId, p.Id, p.Name }).ToDictionaryAsync(p => p.EmployeeId, p => (p.Id, p.Name), ct);
        return [.. people.Select(p => ScimUserJson.Of(p, identities.GetValueOrDefault(p.Id),
            p.ManagerEmployeeId is { } m && managers.TryGetValue(m, out var found) ? found : null, $"{usersUrl}/{p.Id}"))];
    }

    private static ScimException NotFound(Guid id) => ScimException.NotFound($"There is no User {id}.");
}
