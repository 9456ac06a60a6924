using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Flipside.Features.Scim;

/// <summary>
/// Applies a PatchOp (RFC 7644 §3.5.2) to a User resource in the forms Okta and Entra send: add, replace and remove in
/// any case; with a path ("title", "name.givenName", "emails[type eq \"work\"].value", an extension's
/// "urn:…:User:manager") or without one (a value object whose keys may themselves be paths). The result is read again
/// as a whole body, so a patch meets every check a PUT meets.
/// </summary>
public static partial class ScimPatch
{
    public static void Apply(JsonObject resource, JsonObject patch)
    {
        if (ScimUserJson.Get(patch, "schemas") is not JsonArray schemas
            || !schemas.Any(s => s is JsonValue v && v.TryGetValue<string>(out var t) && t.Equals(ScimJson.PatchOp, StringComparison.OrdinalIgnoreCase)))
            throw ScimException.InvalidSyntax($"A PATCH body's schemas must be [\"{ScimJson.PatchOp}\"].");
        if (ScimUserJson.Get(patch, "Operations") is not JsonArray operations || operations.Count == 0)
            throw ScimException.InvalidSyntax("A PATCH body needs Operations, a list of {\"op\", \"path\", \"value\"}.");
        foreach (var operation in operations)
        {
            if (operation is not JsonObject o) throw ScimException.InvalidSyntax("Each operation must be an object with op, path and value.");
            var op = (ScimUserJson.Get(o, "op") as JsonValue)?.TryGetValue<string>(out var t) == true ? t.ToLowerInvariant() : "";
            if (op is not ("add" or "replace" or "remove")) throw ScimException.InvalidValue($"\"{op}\" is not a PATCH operation; use add, replace or remove.");
            var path = (ScimUserJson.Get(o, "path") as JsonValue)?.TryGetValue<string>(out var p) == true ? p : null;
            var value = ScimUserJson.Get(o, "value");
            if (path is null)
            {
                if (op == "remove") throw new ScimException(StatusCodes.Status400BadRequest, "noTarget", "A remove operation needs a path.");
                if (value is not JsonObject values) throw ScimException.InvalidSyntax("An operation without a path needs a value object of attributes.");
                foreach (var (key, v) in values)
                    if (ScimUserJson.Extensions.ContainsKey(key) && v is JsonObject extension)
                        foreach (var (attribute, part) in extension) AtPath(resource, op, $"{key}:{attribute}", part);
                    else AtPath(resource, op, key, v);
            }
            else AtPath(resource, op, path, value);
        }
    }

    private static void AtPath(JsonObject resource, string op, string path, JsonNode? value)
    {
        var (target, schema, rest) = Split(resource, path);
        var match = PathPattern().Match(rest);
        if (!match.Success) throw ScimException.InvalidPath($"\"{path}\" is not a path Flipside can follow.");
        var attribute = match.Groups["attr"].Value;
        if (!ScimUserJson.Knows(schema, attribute))
            throw ScimException.InvalidPath($"\"{attribute}\" in \"{path}\" is not an attribute of {schema ?? ScimJson.User}.");
        var key = target.FirstOrDefault(p => p.Key.Equals(attribute, StringComparison.OrdinalIgnoreCase)).Key ?? attribute;
        var sub = match.Groups["sub"].Success ? match.Groups["sub"].Value : null;
        if (match.Groups["fattr"].Success)
        {
            Filtered(target, key, match.Groups["fattr"].Value, Unescape(match.Groups["fval"].Value), sub, op, value, path);
            return;
        }
        if (op == "remove" || value is null || value is JsonValue v && v.GetValueKind() == JsonValueKind.Null)
        {
            if (sub is null) target.Remove(key);
            else if (target[key] is JsonObject parent) Remove(parent, sub);
            return;
        }
        if (sub is not null)
        {
            if (target[key] is not JsonObject parent) target[key] = parent = [];
            Set(parent, sub, value);
        }
        else if (value is JsonObject complex && target[key] is JsonObject existing)
            foreach (var (k, part) in complex) Set(existing, k, part);
        else target[key] = value.DeepClone();
    }

    /// <summary>The object a path points into: an extension's, or the resource's own for core attributes.</summary>
    private static (JsonObject Target, string? Schema, string Remainder) Split(JsonObject resource, string path)
    {
        foreach (var schema in ScimUserJson.Extensions.Keys.Append(ScimJson.User))
        {
            if (path.Equals(schema, StringComparison.OrdinalIgnoreCase))
                throw ScimException.InvalidPath($"\"{path}\" names a schema; name one of its attributes, e.g. {schema}:department.");
            if (!path.StartsWith(schema + ":", StringComparison.OrdinalIgnoreCase)) continue;
            if (schema == ScimJson.User) return (resource, null, path[(schema.Length + 1)..]);
            var key = resource.FirstOrDefault(p => p.Key.Equals(schema, StringComparison.OrdinalIgnoreCase)).Key ?? schema;
            if (resource[key] is not JsonObject extension) resource[key] = extension = [];
            return (extension, schema, path[(schema.Length + 1)..]);
        }
        if (path.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
            throw ScimException.InvalidPath($"\"{path}\" belongs to a schema Flipside does not know.");
        return (resource, null, path);
    }

    /// <summary>emails[type eq "work"].value: the matching elements, made when an add or replace finds none.</summary>
    private static void Filtered(JsonObject target, string key, string field, string wanted, string? sub, string op, JsonNode? value, string path)
    {
        if (target[key] is not JsonArray list) target[key] = list = [];
        bool Matches(JsonNode? n) => n is JsonObject o && ScimUserJson.Get(o, field) is JsonValue v && v.TryGetValue<string>(out var s)
            && s.Equals(wanted, StringComparison.OrdinalIgnoreCase);
        var matching = list.Where(Matches).OfType<JsonObject>().ToList();
        if (op == "remove")
        {
            foreach (var item in matching)
                if (sub is null) list.Remove(item);
                else Remove(item, sub);
            return;
        }
        if (matching.Count == 0)
        {
            var made = new JsonObject { [field] = wanted };
            list.Add(made);
            matching.Add(made);
        }
        foreach (var item in matching)
            if (sub is not null) Set(item, sub, value);
            else if (value is JsonObject parts) foreach (var (k, part) in parts) Set(item, k, part);
            else throw ScimException.InvalidValue($"\"{path}\" takes an object of the element's attributes.");
    }

    private static void Set(JsonObject o, string name, JsonNode? value)
    {
        var key = o.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Key ?? name;
        o[key] = value?.DeepClone();
    }

    private static void Remove(JsonObject o, string name)
    {
        if (o.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Key is { } key) o.Remove(key);
    }

    private static string Unescape(string s) => s.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex("""^(?<attr>[A-Za-z][\w$-]*)(\[\s*(?<fattr>[A-Za-z][\w$-]*)\s+eq\s+"(?<fval>(?:[^"\\]|\\.)*)"\s*\])?(\.(?<sub>[A-Za-z][\w$-]*))?$""", RegexOptions.IgnoreCase)]
    private static partial Regex PathPattern();
}

/// <summary>The filters Okta and Entra send when they look a user up: one attribute, eq, one quoted value.</summary>
public static partial class ScimFilter
{
    public enum On { UserName, ExternalId, Id, Email }

    public static (On Attribute, string Value) Parse(string filter)
    {
        var match = FilterPattern().Match(filter);
        if (!match.Success)
            throw ScimException.InvalidFilter($"Flipside filters Users by userName, externalId, id or emails.value with eq, e.g. userName eq \"ada@example.com\"; \"{filter}\" is not such a filter.");
        var attribute = match.Groups["attr"].Value.ToLowerInvariant() switch
        {
            "username" => On.UserName,
            "externalid" => On.ExternalId,
            "id" => On.Id,
            _ => On.Email,
        };
        return (attribute, match.Groups["val"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));
    }

    [GeneratedRegex("""^\s*(?<attr>userName|externalId|id|emails\.value|emails\[type\s+eq\s+"work"\]\.value|emails)\s+eq\s+"(?<val>(?:[^"\\]|\\.)*)"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex FilterPattern();
}
