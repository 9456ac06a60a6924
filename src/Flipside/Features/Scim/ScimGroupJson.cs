using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flipside.Domain;

namespace Flipside.Features.Scim;

/// <summary>What a Group request asks for: the members to add and to remove, or the whole new list.</summary>
public sealed record ScimMembership(IReadOnlyList<string>? Replace, IReadOnlyList<string> Add, IReadOnlyList<string> Remove);

/// <summary>
/// Flipside's groups are its roles (a fixed set, id the role's name): the Group resource, the filters IdPs send to find
/// one, and the member operations Okta and Entra send, read into one <see cref="ScimMembership"/>.
/// </summary>
public static partial class ScimGroupJson
{
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>The role a group id or display name names (the role's name or how Flipside describes it), any case.</summary>
    public static string? Role(string idOrName) => Roles.All.FirstOrDefault(r =>
        r.Equals(idOrName.Trim(), StringComparison.OrdinalIgnoreCase) || Roles.Describe(r).Equals(idOrName.Trim(), StringComparison.OrdinalIgnoreCase));

    public static JsonObject Of(string role, IEnumerable<(Guid Id, string Name)>? members, string groupsUrl, string usersUrl)
    {
        var group = new JsonObject
        {
            ["schemas"] = new JsonArray(Group),
            ["id"] = role,
            ["displayName"] = Roles.Describe(role),
            ["meta"] = new JsonObject { ["resourceType"] = "Group", ["location"] = $"{groupsUrl}/{role}" },
        };
        if (members is not null)
            group["members"] = new JsonArray([.. members.Select(m => new JsonObject { ["value"] = m.Id.ToString(), ["display"] = m.Name, ["$ref"] = $"{usersUrl}/{m.Id}" })]);
        return group;
    }

    /// <summary>displayName eq "…" (Okta, Entra), id eq "…", and Entra's membership probe: id eq "…" and members[value eq "…"].</summary>
    public static (string? Role, string? Member) Filter(string filter)
    {
        var match = FilterPattern().Match(filter);
        if (!match.Success)
            throw ScimException.InvalidFilter($"Flipside filters Groups by displayName or id with eq, e.g. displayName eq \"Sponsor\"; \"{filter}\" is not such a filter.");
        return (Role(Unescape(match.Groups["val"].Value)) ?? "", match.Groups["member"].Success ? Unescape(match.Groups["member"].Value) : null);
    }

    /// <summary>A PUT body: the group's own name again, and its whole member list.</summary>
    public static ScimMembership ReadPut(JsonObject body, string role)
    {
        CheckSchemas(body, Group, "a Group");
        foreach (var (key, value) in body)
            if (key.Equals("displayName", StringComparison.OrdinalIgnoreCase)) SameName(value, role);
            else if (!Known.Contains(key)) throw ScimException.InvalidSyntax($"\"{key}\" is not an attribute of {Group}; a Group has displayName and members.");
        return new(Members(ScimUserJson.Get(body, "members") ?? new JsonArray(), "members"), [], []);
    }

    /// <summary>add/remove/replace members in the shapes Okta and Entra send, and a replace that only repeats the name.</summary>
    public static ScimMembership ReadPatch(JsonObject patch, string role)
    {
        CheckSchemas(patch, ScimJson.PatchOp, "a PATCH");
        if (ScimUserJson.Get(patch, "Operations") is not JsonArray operations || operations.Count == 0)
            throw ScimException.InvalidSyntax("A PATCH body needs Operations, a list of {\"op\", \"path\", \"value\"}.");
        List<string>? replace = null;
        List<string> add = [], remove = [];
        foreach (var operation in operations)
        {
            if (operation is not JsonObject o) throw ScimException.InvalidSyntax("Each operation must be an object with op, path and value.");
            var op = Text(ScimUserJson.Get(o, "op"))?.ToLowerInvariant() ?? "";
            if (op is not ("add" or "replace" or "remove")) throw ScimException.InvalidValue($"\"{op}\" is not a PATCH operation; use add, replace or remove.");
            var path = Text(ScimUserJson.Get(o, "path"))?.Trim();
            var value = ScimUserJson.Get(o, "value");
            if (path is null && value is JsonObject attributes && op != "remove")
            {
                // Okta sends the whole group back on a rename: the name must stay, and members may ride along.
                foreach (var (key, v) in attributes)
                    if (key.Equals("displayName", StringComparison.OrdinalIgnoreCase)) SameName(v, role);
                    else if (key.Equals("members", StringComparison.OrdinalIgnoreCase)) Apply(op, Members(v, "members"));
                    else if (!key.Equals("id", StringComparison.OrdinalIgnoreCase) && !key.Equals("externalId", StringComparison.OrdinalIgnoreCase))
                        throw ScimException.InvalidPath($"\"{key}\" is not an attribute of a Group that Flipside can change; it changes members.");
                continue;
            }
            if (path is not null && path.Equals("displayName", StringComparison.OrdinalIgnoreCase) && op != "remove")
            {
                SameName(value, role);
                continue;
            }
            if (path is not null && MemberPath().Match(path) is { Success: true } one)
            {
                if (op != "remove") throw ScimException.InvalidPath($"\"{path}\" names one member; only remove takes such a path, add takes path \"members\".");
                remove.Add(Unescape(one.Groups["val"].Value));
                continue;
            }
            if (path is null || !path.Equals("members", StringComparison.OrdinalIgnoreCase))
                throw path is null && op == "remove"
                    ? new ScimException(StatusCodes.Status400BadRequest, "noTarget", "A remove operation needs a path, such as members[value eq \"<user id>\"].")
                    : ScimException.InvalidPath($"\"{path}\" is not a path Flipside can follow on a Group; use members or members[value eq \"<user id>\"].");
            // RFC 7644 §3.5.2.2: remove with path "members" and no value empties the group; Entra sends the members to remove as a value.
            if (op == "remove" && value is null) replace = [];
            else Apply(op, Members(value, path));
        }
        return new(replace, add, remove);

        void Apply(string op, List<string> members)
        {
            if (op == "replace") (replace, add, remove) = (members, [], []);
            else if (op == "add") add.AddRange(members);
            else remove.AddRange(members);
        }
    }

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase) { "schemas", "id", "externalId", "meta", "displayName", "members" };

    private static void SameName(JsonNode? value, string role)
    {
        if (Text(value) is not { } name || Role(name) != role)
            throw ScimException.Mutability(
                $"Flipside's groups are its roles and keep their names; this one is \"{Roles.Describe(role)}\". Link the IdP's group to it instead of renaming it.");
    }

    private static List<string> Members(JsonNode? value, string path)
    {
        if (value is not JsonArray list) throw ScimException.InvalidSyntax($"\"{path}\" takes a list of members, e.g. [{{\"value\": \"<user id>\"}}].");
        return [.. list.Select(m => m is JsonObject o && Text(ScimUserJson.Get(o, "value")) is { Length: > 0 } id
            ? id : throw ScimException.InvalidSyntax("Each member must be an object with the User's id as its value, e.g. {\"value\": \"<user id>\"}."))];
    }

    private static void CheckSchemas(JsonObject body, string schema, string what)
    {
        if (ScimUserJson.Get(body, "schemas") is not JsonArray schemas || !schemas.Any(s => Text(s)?.Equals(schema, StringComparison.OrdinalIgnoreCase) == true))
            throw ScimException.InvalidSyntax($"{what} body's schemas must be [\"{schema}\"].");
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Unescape(string s) => s.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex("""^\s*(?<attr>displayName|id)\s+eq\s+"(?<val>(?:[^"\\]|\\.)*)"(\s+and\s+members\[\s*value\s+eq\s+"(?<member>(?:[^"\\]|\\.)*)"\s*\])?\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex FilterPattern();

    [GeneratedRegex("""^members\[\s*value\s+eq\s+"(?<val>(?:[^"\\]|\\.)*)"\s*\]$""", RegexOptions.IgnoreCase)]
    private static partial Regex MemberPath();
}
