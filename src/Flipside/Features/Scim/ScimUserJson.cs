using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flipside.Domain;

namespace Flipside.Features.Scim;

/// <summary>
/// What a SCIM User body says about a person, each field null when the body leaves it out. Manager "" clears the
/// manager; Active is the IdP's word, which for a person on leave is still true.
/// </summary>
public sealed record ScimUserFields(string UserName, string? ExternalId, string? Name, string? GivenName, string? FamilyName, string? Email,
    string? Title, bool? Active, string? TimeZone, string? EmployeeNumber, string? Department, string? Manager, string? Grade, string? Location,
    string? HireDate, string? Languages);

/// <summary>The User resource as Flipside reads and writes it: the core schema, the enterprise extension and Flipside's own.</summary>
public static class ScimUserJson
{
    private static readonly HashSet<string> Core = new(StringComparer.OrdinalIgnoreCase)
    {
        "schemas", "id", "externalId", "meta", "userName", "name", "displayName", "nickName", "profileUrl", "title", "userType",
        "preferredLanguage", "locale", "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses", "groups",
        "entitlements", "roles", "x509Certificates",
    };

    private static readonly HashSet<string> NameParts = new(StringComparer.OrdinalIgnoreCase)
        { "formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix" };

    public static readonly IReadOnlyDictionary<string, HashSet<string>> Extensions = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase)
    {
        [ScimJson.Enterprise] = new(StringComparer.OrdinalIgnoreCase) { "employeeNumber", "costCenter", "organization", "division", "department", "manager" },
        [ScimJson.Flipside] = new(StringComparer.OrdinalIgnoreCase) { "grade", "location", "hireDate", "languages" },
    };

    /// <summary>Whether an attribute (core, or of an extension when <paramref name="schema"/> names one) is in Flipside's schemas.</summary>
    public static bool Knows(string? schema, string attribute) =>
        schema is null || schema.Equals(ScimJson.User, StringComparison.OrdinalIgnoreCase) ? Core.Contains(attribute)
        : Extensions.TryGetValue(schema, out var known) && known.Contains(attribute);

    public static ScimUserFields Read(JsonObject body)
    {
        CheckSchemas(body);
        foreach (var (key, value) in body)
        {
            if (Extensions.TryGetValue(key, out var known))
            {
                if (value is not JsonObject extension) throw ScimException.InvalidSyntax($"{key} must be an object of its attributes.");
                foreach (var (attribute, _) in extension)
                    if (!known.Contains(attribute)) throw Unknown(attribute, key);
            }
            else if (!Core.Contains(key)) throw Unknown(key, ScimJson.User);
        }
        var userName = Text(Get(body, "userName"), "userName");
        if (string.IsNullOrWhiteSpace(userName)) throw ScimException.InvalidValue("userName is required and may not be empty.");
        var name = Get(body, "name") as JsonObject;
        if (Get(body, "name") is not null && name is null) throw ScimException.InvalidSyntax("name must be an object, e.g. {\"givenName\": \"Ada\", \"familyName\": \"Lovelace\"}.");
        foreach (var (part, _) in name ?? []) if (!NameParts.Contains(part)) throw Unknown($"name.{part}", ScimJson.User);
        string? Part(string p) => name is null ? null : Text(Get(name, p), $"name.{p}");
        var (given, middle, family) = (Part("givenName"), Part("middleName"), Part("familyName"));
        var joined = string.Join(' ', new[] { given, middle, family }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        var enterprise = Get(body, ScimJson.Enterprise) as JsonObject;
        var flipside = Get(body, ScimJson.Flipside) as JsonObject;
        return new(userName.Trim(), Text(Get(body, "externalId"), "externalId"),
            joined.Length > 0 ? joined : NonEmpty(Part("formatted")) ?? NonEmpty(Text(Get(body, "displayName"), "displayName")),
            given, family, Email(Get(body, "emails")), Text(Get(body, "title"), "title"), Active(Get(body, "active")),
            Text(Get(body, "timezone"), "timezone"), Text(Get(enterprise, "employeeNumber"), "employeeNumber"), Text(Get(enterprise, "department"), "department"),
            Manager(enterprise), Text(Get(flipside, "grade"), "grade"), Text(Get(flipside, "location"), "location"),
            Text(Get(flipside, "hireDate"), "hireDate"), Text(Get(flipside, "languages"), "languages"));
    }

    /// <summary>A body's schemas name the core User schema and otherwise only extensions Flipside knows.</summary>
    private static void CheckSchemas(JsonObject body)
    {
        if (Get(body, "schemas") is not JsonArray schemas || schemas.Count == 0)
            throw ScimException.InvalidSyntax($"The body must list its schemas, including {ScimJson.User}.");
        var named = schemas.Select(s => s is JsonValue v && v.TryGetValue<string>(out var t) ? t : "").ToList();
        if (named.FirstOrDefault(s => !s.Equals(ScimJson.User, StringComparison.OrdinalIgnoreCase) && !Extensions.ContainsKey(s)) is { } unknown)
            throw ScimException.InvalidSyntax($"The schema \"{unknown}\" is not one Flipside knows; Users take {ScimJson.User}, {ScimJson.Enterprise} and {ScimJson.Flipside}.");
        if (!named.Contains(ScimJson.User, StringComparer.OrdinalIgnoreCase))
            throw ScimException.InvalidSyntax($"A User's schemas must include {ScimJson.User}.");
    }

    private static ScimException Unknown(string attribute, string schema) =>
        ScimException.InvalidSyntax($"\"{attribute}\" is not an attribute of {schema}; see /scim/v2/Schemas for the attributes Flipside takes.");

    /// <summary>SCIM attribute names are case-insensitive (RFC 7643 §2.1).</summary>
    public static JsonNode? Get(JsonObject? o, string name) =>
        o is null ? null : o.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Text(JsonNode? node, string attribute) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => throw ScimException.InvalidValue($"{attribute} must be a single value, not {node.ToJsonString()}."),
    };

    /// <summary>Entra sends booleans in a PATCH as the strings "True" and "False".</summary>
    private static bool? Active(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b) => b,
        _ => throw ScimException.InvalidValue($"active must be true or false, not {node.ToJsonString()}."),
    };

    /// <summary>The primary email, else the work one, else the first.</summary>
    private static string? Email(JsonNode? node)
    {
        if (node is null) return null;
        if (node is not JsonArray emails) throw ScimException.InvalidSyntax($"emails must be a list, e.g. [{{\"value\": \"ada@example.com\", \"type\": \"work\"}}], not {node.ToJsonString()}.");
        var items = emails.OfType<JsonObject>().ToList();
        var chosen = items.FirstOrDefault(e => Get(e, "primary") is JsonValue p && p.GetValueKind() == JsonValueKind.True)
            ?? items.FirstOrDefault(e => string.Equals(Text(Get(e, "type"), "emails.type"), "work", StringComparison.OrdinalIgnoreCase))
            ?? items.FirstOrDefault();
        return chosen is null ? null : Text(Get(chosen, "value"), "emails.value");
    }

    /// <summary>Okta sends the manager as {"value": id}, Entra as the id alone; either empty clears it.</summary>
    private static string? Manager(JsonObject? enterprise)
    {
        if (enterprise is null || !enterprise.Any(p => p.Key.Equals("manager", StringComparison.OrdinalIgnoreCase))) return null;
        var node = Get(enterprise, "manager");
        return (node is JsonObject o ? Text(Get(o, "value"), "manager.value") : Text(node, "manager"))?.Trim() ?? "";
    }

    /// <summary>A person as a User resource. Given and family names are those the IdP sent, while the directory's name is still theirs.</summary>
    public static JsonObject Of(Person p, ScimIdentity? identity, (Guid Id, string Name)? manager, string location)
    {
        // Only while they still make up the directory's name: a PATCH reads the name back from them.
        var sent = identity is not null && identity.NameSent == p.Name
            && string.Join(' ', new[] { identity.GivenName, identity.FamilyName }.Where(s => s.Length > 0)) == p.Name;
        var last = p.Name.LastIndexOf(' ');
        var (given, family) = sent ? (identity!.GivenName, identity.FamilyName) : last > 0 ? (p.Name[..last], p.Name[(last + 1)..]) : ("", p.Name);
        var user = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimJson.User, ScimJson.Enterprise, ScimJson.Flipside),
            ["id"] = p.Id.ToString(),
            ["userName"] = identity?.UserName ?? p.Email,
            ["name"] = new JsonObject { ["formatted"] = p.Name, ["givenName"] = given, ["familyName"] = family },
            ["displayName"] = p.Name,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = p.Email, ["type"] = "work", ["primary"] = true }),
            ["active"] = p.Status != PersonStatus.Left,
            ["timezone"] = p.TimeZone,
        };
        if (identity?.ExternalId is { } externalId) user["externalId"] = externalId;
        if (p.Title.Length > 0) user["title"] = p.Title;
        var enterprise = new JsonObject { ["employeeNumber"] = p.EmployeeId, ["department"] = p.Department };
        if (p.ManagerEmployeeId is { } m)
            enterprise["manager"] = manager is { } found
                ? new JsonObject { ["value"] = found.Id.ToString(), ["displayName"] = found.Name }
                : new JsonObject { ["value"] = m };
        user[ScimJson.Enterprise] = enterprise;
        var flipside = new JsonObject { ["grade"] = p.Grade };
        if (p.Location.Length > 0) flipside["location"] = p.Location;
        if (p.HireDate is { } hired) flipside["hireDate"] = hired.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (p.Languages.Length > 0) flipside["languages"] = p.Languages;
        user[ScimJson.Flipside] = flipside;
        user["meta"] = new JsonObject
        {
            ["resourceType"] = "User",
            ["location"] = location,
            ["version"] = $"W/\"{p.Version.ToString(CultureInfo.InvariantCulture)}\"",
        };
        return user;
    }
}
