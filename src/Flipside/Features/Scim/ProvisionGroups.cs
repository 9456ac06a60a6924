using System.Text.Json.Nodes;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Scim;

/// <summary>
/// SCIM Groups are Flipside's roles: a member is a directory person (a SCIM User) whose account has the role. Adding
/// someone without an account makes one, as single sign-on does at first sign-in; the break-glass administrator never
/// leaves Administrator through SCIM, and Flipside is never left without an active administrator. A request is one
/// transaction: refused, it changes nothing.
/// </summary>
public sealed class ProvisionGroups(FlipsideDb db, UserManager<FlipsideUser> users, Viewer viewer, TimeProvider clock, string baseUrl, string? breakGlassEmail)
{
    private string GroupsUrl => $"{baseUrl}/Groups";
    private string UsersUrl => $"{baseUrl}/Users";

    public async Task<JsonObject> List(string? filter, int startIndex, int count, bool withMembers, CancellationToken ct)
    {
        IEnumerable<string> roles = Roles.All;
        string? member = null;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            (var role, member) = ScimGroupJson.Filter(filter);
            roles = roles.Where(r => r == role);
        }
        var matching = new List<JsonObject>();
        foreach (var role in roles)
        {
            var members = await Members(role, ct);
            if (member is null || members.Any(m => m.Id.ToString().Equals(member, StringComparison.OrdinalIgnoreCase)))
                matching.Add(ScimGroupJson.Of(role, withMembers ? members : null, GroupsUrl, UsersUrl));
        }
        var page = matching.Skip(startIndex - 1).Take(count).ToList();
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimJson.ListResponse),
            ["totalResults"] = matching.Count,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = page.Count,
            ["Resources"] = new JsonArray([.. page]),
        };
    }

    public async Task<JsonObject> Get(string id, bool withMembers, CancellationToken ct)
    {
        var role = RoleOf(id);
        return ScimGroupJson.Of(role, withMembers ? await Members(role, ct) : null, GroupsUrl, UsersUrl);
    }

    public Task<JsonObject> Replace(string id, JsonObject body, CancellationToken ct)
    {
        var role = RoleOf(id);
        return Change(role, ScimGroupJson.ReadPut(body, role), ct);
    }

    public Task<JsonObject> Patch(string id, JsonObject body, CancellationToken ct)
    {
        var role = RoleOf(id);
        return Change(role, ScimGroupJson.ReadPatch(body, role), ct);
    }

    private async Task<JsonObject> Change(string role, ScimMembership change, CancellationToken ct)
    {
        var current = (await Members(role, ct)).Select(m => m.Id).ToHashSet();
        var named = await People([.. (change.Replace ?? []).Concat(change.Add).Concat(change.Remove).Concat(current.Select(id => id.ToString()))], ct);
        Guid Known(string value) => Guid.TryParse(value, out var id) && named.ContainsKey(id) ? id
            : throw ScimException.InvalidValue($"There is no User {value}; a member's value is the id of a User in Flipside's directory.");
        var wanted = (change.Replace?.Select(Known) ?? current).ToHashSet();
        wanted.UnionWith(change.Add.Select(Known));
        var removing = change.Remove.Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(named.ContainsKey).ToHashSet();
        if (role == Roles.Administrator && removing.FirstOrDefault(id => IsBreakGlass(named[id])) is var kept && kept != Guid.Empty)
            throw ScimException.Mutability(
                $"{named[kept].Email} is the break-glass administrator (Sso:BreakGlassEmail): the way in when the identity provider fails, so SCIM cannot take Administrator away from it.");
        wanted.ExceptWith(removing);
        // A whole new list that leaves out the break-glass account keeps it: refusing would stop the IdP syncing the group at all.
        if (role == Roles.Administrator) wanted.UnionWith(current.Where(id => IsBreakGlass(named[id])));
        var (added, removed) = (wanted.Except(current).ToList(), current.Except(wanted).ToList());
        if (added.Count + removed.Count == 0) return ScimGroupJson.Of(role, await Members(role, ct), GroupsUrl, UsersUrl);

        var now = clock.GetUtcNow();
        if (role == Roles.Administrator && added.Count > 0) await RefuseAdministrator(added.Select(id => named[id]), now, ct);
        var everyone = await People([.. added.Concat(removed).Select(id => id.ToString())], ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var id in added) await Grant(everyone[id], role, now);
        foreach (var id in removed)
        {
            var person = everyone[id];
            if (await users.FindByEmailAsync(person.Email) is not { } account) continue;
            Check(await users.RemoveFromRoleAsync(account, role));
            db.Record(viewer, now, "account.roles-changed", "Account", account.Id, $"{account.Email}: removed {role} (SCIM group {Roles.Describe(role)})");
        }
        if (role == Roles.Administrator && removed.Count > 0 && !(await users.GetUsersInRoleAsync(Roles.Administrator)).Any(u => u.IsActive))
            throw new ScimException(StatusCodes.Status409Conflict, null,
                "This would leave Flipside without an active administrator; keep at least one member in Administrator.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ScimGroupJson.Of(role, await Members(role, ct), GroupsUrl, UsersUrl);
    }

    private async Task Grant(Person person, string role, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(person.Email))
            throw ScimException.InvalidValue($"The User {person.Id} ({person.Name}) has no email, so Flipside cannot give them an account.");
        var account = await users.FindByEmailAsync(person.Email);
        if (account is null)
        {
            if (person.Status == PersonStatus.Left)
                throw ScimException.InvalidValue($"The User {person.Id} ({person.Name}) has left the organisation, so Flipside makes no account for them.");
            account = new FlipsideUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.Name, CreatedAt = now };
            Check(await users.CreateAsync(account));
            if (role != Roles.Participant) Check(await users.AddToRoleAsync(account, Roles.Participant));
            db.Record(viewer, now, "account.created", "Account", account.Id, $"{person.Email} for SCIM group {Roles.Describe(role)}");
        }
        if (await users.IsInRoleAsync(account, role)) return;
        Check(await users.AddToRoleAsync(account, role));
        db.Record(viewer, now, "account.roles-changed", "Account", account.Id, $"{account.Email}: added {role} (SCIM group {Roles.Describe(role)})");
    }

    /// <summary>
    /// A SCIM token is a long-lived secret kept in another system: if it could make administrators, whoever reads it there
    /// could take Flipside over. Administrators are made on the Accounts page only; the attempt is audited, then refused.
    /// </summary>
    private async Task RefuseAdministrator(IEnumerable<Person> people, DateTimeOffset now, CancellationToken ct)
    {
        var names = string.Join(", ", people.Select(p => p.Email.Length > 0 ? p.Email : p.EmployeeId));
        db.Record(viewer, now, "scim.administrator-refused", "Group", Roles.Administrator, $"SCIM asked to make administrators of {names}");
        await db.SaveChangesAsync(ct);
        throw ScimException.Mutability(
            $"SCIM cannot give the Administrator role (asked for {names}): an administrator gives it on Flipside's Accounts page. Members may still be removed from this group.");
    }

    private bool IsBreakGlass(Person person) => breakGlassEmail is not null && person.Email.Equals(breakGlassEmail, StringComparison.OrdinalIgnoreCase);

    /// <summary>Directory people whose account has the role; an account with no directory person is not a SCIM User, and SCIM leaves it alone.</summary>
    private async Task<List<(Guid Id, string Name)>> Members(string role, CancellationToken ct)
    {
        var emails = await (from link in db.UserRoles
                            join r in db.Roles on link.RoleId equals r.Id
                            join u in db.Users on link.UserId equals u.Id
                            where r.Name == role && u.Email != null
                            select u.Email!).ToListAsync(ct);
        var lower = emails.Select(e => e.ToLowerInvariant()).ToList();
        var people = await db.People.AsNoTracking().Where(p => lower.Contains(p.Email)).OrderBy(p => p.EmployeeId)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return [.. people.Select(p => (p.Id, p.Name))];
    }

    private async Task<Dictionary<Guid, Person>> People(IReadOnlyCollection<string> values, CancellationToken ct)
    {
        var ids = values.Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }

    private static string RoleOf(string id) => ScimGroupJson.Role(id) is { } role && role.Equals(id, StringComparison.OrdinalIgnoreCase) ? role
        : throw ScimException.NotFound($"There is no Group {id}; Flipside's groups are its roles: {string.Join(", ", Roles.All)}.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new ScimException(StatusCodes.Status409Conflict, null, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
