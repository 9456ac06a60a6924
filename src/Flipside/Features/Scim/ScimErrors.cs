using System.Text.Json.Nodes;

namespace Flipside.Features.Scim;

/// <summary>A refused SCIM request: its status, the RFC 7644 §3.12 scimType when one fits, and a sentence for the administrator.</summary>
public sealed class ScimException(int status, string? scimType, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string? ScimType { get; } = scimType;

    public static ScimException InvalidSyntax(string detail) => new(StatusCodes.Status400BadRequest, "invalidSyntax", detail);
    public static ScimException InvalidValue(string detail) => new(StatusCodes.Status400BadRequest, "invalidValue", detail);
    public static ScimException InvalidPath(string detail) => new(StatusCodes.Status400BadRequest, "invalidPath", detail);
    public static ScimException InvalidFilter(string detail) => new(StatusCodes.Status400BadRequest, "invalidFilter", detail);
    public static ScimException Uniqueness(string detail) => new(StatusCodes.Status409Conflict, "uniqueness", detail);
    public static ScimException Mutability(string detail) => new(StatusCodes.Status400BadRequest, "mutability", detail);
    public static ScimException NotFound(string detail) => new(StatusCodes.Status404NotFound, null, detail);

    public JsonObject Body() => ScimJson.Error(Status, ScimType, Message);
}

public static class ScimJson
{
    public const string ContentType = "application/scim+json";
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string Flipside = "urn:flipside:params:scim:schemas:extension:2.0:User";
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static JsonObject Error(int status, string? scimType, string detail)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ErrorSchema),
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["detail"] = detail,
        };
        if (scimType is not null) body["scimType"] = scimType;
        return body;
    }

    /// <summary>Every SCIM answer, errors included, goes out as application/scim+json (RFC 7644 §3.1).</summary>
    public static IResult Result(JsonNode body, int status = StatusCodes.Status200OK) =>
        TypedResults.Text(body.ToJsonString(), ContentType, System.Text.Encoding.UTF8, status);
}
