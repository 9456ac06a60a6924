using System.Text.Json.Nodes;

namespace Flipside.Features.Scim;

/// <summary>What Flipside's SCIM service offers (RFC 7644 §4): read by IdPs when they are connected, and by people setting them up.</summary>
public static class ScimDiscovery
{
    public const int MaxResults = 200;
    /// <summary>A User is a few kilobytes; a megabyte leaves room for any IdP and stops a body that would only waste memory.</summary>
    public const int MaxPayloadBytes = 1024 * 1024;

    public static JsonObject ServiceProviderConfig(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
        ["documentationUri"] = $"{baseUrl}/Schemas",
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = MaxPayloadBytes },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = MaxResults },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = false },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "Bearer token",
            ["description"] = "A token an administrator makes on Flipside's SCIM tokens page, sent as Authorization: Bearer <token>.",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = $"{baseUrl}/ServiceProviderConfig" },
    };

    public static JsonObject ResourceTypes(string baseUrl) => List([UserType(baseUrl), GroupType(baseUrl)]);

    public static JsonObject GroupType(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
        ["id"] = "Group",
        ["name"] = "Group",
        ["endpoint"] = "/Groups",
        ["description"] = "One of Flipside's roles; its members are the people whose accounts have the role",
        ["schema"] = ScimGroupJson.Group,
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/Group" },
    };

    public static JsonObject UserType(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
        ["id"] = "User",
        ["name"] = "User",
        ["endpoint"] = "/Users",
        ["description"] = "A person in Flipside's directory",
        ["schema"] = ScimJson.User,
        ["schemaExtensions"] = new JsonArray(
            new JsonObject { ["schema"] = ScimJson.Enterprise, ["required"] = false },
            new JsonObject { ["schema"] = ScimJson.Flipside, ["required"] = false }),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/User" },
    };

    public static JsonObject Schemas(string baseUrl) => List([.. SchemaList(baseUrl)]);

    public static IEnumerable<JsonObject> SchemaList(string baseUrl)
    {
        yield return Schema(baseUrl, ScimJson.User, "User", "A person in Flipside's directory. userName is unique; the primary (else work) email is the directory's email.",
            Attr("userName", "Unique, case-insensitive; the email when no emails are sent.", required: true, uniqueness: "server"),
            Complex("name", "Given and family names make the directory's name; else formatted; else displayName.",
                Attr("formatted", ""), Attr("givenName", ""), Attr("familyName", ""), Attr("middleName", "")),
            Attr("displayName", "The directory's name when no name is sent."),
            Attr("title", "Job title."),
            Attr("timezone", "An IANA time zone such as Europe/London, checked as the import checks it."),
            Attr("active", "false makes the person a leaver: account deactivated, open enrolments and pairings ended.", type: "boolean"),
            Attr("externalId", "The IdP's own id, kept and searchable.", caseExact: true),
            Complex("emails", "The person's email, unique in the directory.", multi: true, Attr("value", ""), Attr("type", ""), Attr("primary", "", type: "boolean")));
        yield return Schema(baseUrl, ScimJson.Enterprise, "EnterpriseUser", "The enterprise extension (RFC 7643 §4.3).",
            Attr("employeeNumber", "The employee id; set once, when the person is created (defaults to userName)."),
            Attr("department", $"Defaults to \"{ProvisionUsers.DefaultDepartment}\" on creation."),
            Complex("manager", "The manager's SCIM id (or employee id); a management cycle is refused.", Attr("value", ""), Attr("displayName", "", mutability: "readOnly")));
        yield return Schema(baseUrl, ScimJson.Flipside, "FlipsideUser", "What reverse mentoring needs beyond the standard schemas.",
            Attr("grade", "1 (entry level) to 10 (executive); defaults to the Scim:DefaultGrade setting on creation.", type: "integer"),
            Attr("location", "Office or city."),
            Attr("hireDate", "yyyy-MM-dd."),
            Attr("languages", "Language codes separated by commas, e.g. en,es."));
        yield return Schema(baseUrl, ScimGroupJson.Group, "Group",
            "One of Flipside's roles (a fixed set: Administrator, ProgramManager, Sponsor, Participant); its members have the role.",
            Attr("displayName", "How Flipside names the role; fixed.", required: true, uniqueness: "server", mutability: "readOnly"),
            Complex("members", "Users whose accounts have the role; adding someone without an account makes one.", multi: true,
                Attr("value", "The User's id.", mutability: "immutable"), Attr("$ref", "", type: "reference", mutability: "immutable"),
                Attr("display", "", mutability: "readOnly")));
    }

    private static JsonObject Schema(string baseUrl, string id, string name, string description, params JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Schema"),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = new JsonArray(attributes),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{id}" },
    };

    private static JsonObject Attr(string name, string description, string type = "string", bool required = false, string uniqueness = "none",
        bool caseExact = false, string mutability = "readWrite") => new()
        {
            ["name"] = name,
            ["type"] = type,
            ["multiValued"] = false,
            ["description"] = description,
            ["required"] = required,
            ["caseExact"] = caseExact,
            ["mutability"] = mutability,
            ["returned"] = "default",
            ["uniqueness"] = uniqueness,
        };

    private static JsonObject Complex(string name, string description, params JsonObject[] parts) => Complex(name, description, false, parts);

    private static JsonObject Complex(string name, string description, bool multi, params JsonObject[] parts)
    {
        var attribute = Attr(name, description, type: "complex");
        attribute["multiValued"] = multi;
        attribute["subAttributes"] = new JsonArray(parts);
        return attribute;
    }

    public static JsonObject List(IReadOnlyList<JsonObject> resources) => new()
    {
        ["schemas"] = new JsonArray(ScimJson.ListResponse),
        ["totalResults"] = resources.Count,
        ["startIndex"] = 1,
        ["itemsPerPage"] = resources.Count,
        ["Resources"] = new JsonArray([.. resources]),
    };
}
