using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Flipside.Infrastructure.Startup;

/// <summary>
/// An API request whose body cannot be read (malformed JSON, a value of the wrong type, a name an enum does not
/// have) becomes a 400 ValidationProblem keyed by the field's JSON path, saying what was expected. Minimal APIs
/// only throw these because <see cref="FlipsideApp"/> sets ThrowOnBadRequest; left alone they answer a bare 400.
/// </summary>
public sealed class JsonBodyErrorHandler(IOptions<JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var failed = context.Features.Get<IExceptionHandlerFeature>();
        if (!(failed?.Path ?? context.Request.Path).StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;
        IResult result = bad.InnerException is JsonException error
            ? TypedResults.ValidationProblem(JsonBodyErrors.Describe(error, failed?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, json.Value.SerializerOptions))
            // Not JSON at all: a missing body, a content type the endpoint does not take. The framework's own words say which.
            : TypedResults.Problem(bad.Message, statusCode: bad.StatusCode, title: "The request could not be read.");
        await result.ExecuteAsync(context);
        return true;
    }
}

public static class JsonBodyErrors
{
    /// <summary>The field (camelCase, as the API spells it; "request" for the body as a whole) and what it should hold.</summary>
    public static Dictionary<string, string[]> Describe(JsonException error, Type? bodyType, JsonSerializerOptions options)
    {
        var (field, type) = Resolve(error.Path, bodyType, options);
        var message = error.InnerException is JsonException
            // The reader's own exception inside means the text is not JSON, whatever the target type.
            ? $"This is not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1})."
            : Expected(type, options);
        return new() { [field.Length == 0 ? "request" : field] = [message] };
    }

    /// <summary>Walks a path like <c>$.objectives[0].measures[1].target</c> through the body type, so that the key uses
    /// the API's property names whatever case the client wrote them in, and the leaf type says what was expected.</summary>
    private static (string Field, Type? Type) Resolve(string? path, Type? type, JsonSerializerOptions options)
    {
        var field = new System.Text.StringBuilder();
        var i = path is not null && path.StartsWith('$') ? 1 : 0;
        path ??= "";
        while (i < path.Length)
        {
            var info = type is null ? null : options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            if (path[i] == '[' && i + 1 < path.Length && path[i + 1] != '\'')
            {
                var end = path.IndexOf(']', i);
                if (end < 0) end = path.Length - 1;
                field.Append(path, i, end - i + 1);
                type = info?.Kind == JsonTypeInfoKind.Enumerable ? info.ElementType : null;
                i = end + 1;
                continue;
            }
            string name;
            if (path[i] == '[')
            {
                var end = path.IndexOf("']", i, StringComparison.Ordinal);
                if (end < 0) end = path.Length;
                name = path[(i + 2)..end];
                i = Math.Min(end + 2, path.Length);
            }
            else
            {
                var start = path[i] == '.' ? i + 1 : i;
                var end = path.IndexOfAny(['.', '['], start);
                if (end < 0) end = path.Length;
                name = path[start..end];
                i = end;
            }
            var property = info?.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                : null;
            if (field.Length > 0) field.Append('.');
            field.Append(property?.Name ?? name);
            type = property?.PropertyType ?? (info?.Kind == JsonTypeInfoKind.Dictionary ? info.ElementType : null);
        }
        return (field.ToString(), type);
    }

    private static string Expected(Type? type, JsonSerializerOptions options)
    {
        if (type is null) return "This value has the wrong type.";
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return $"Expected one of: {string.Join(", ", Enum.GetNames(type))}.";
        if (type == typeof(string)) return "Expected text in quotes.";
        if (type == typeof(bool)) return "Expected true or false.";
        if (type == typeof(DateOnly)) return "Expected a date like 2027-01-31.";
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return "Expected a date and time like 2027-01-31T09:00:00Z.";
        if (type == typeof(TimeOnly)) return "Expected a time like 09:30.";
        if (type == typeof(Guid)) return "Expected an id like 3f2504e0-4f89-11d3-9a0c-0305e82c3301.";
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return "Expected a number.";
        if (type.IsPrimitive) return "Expected a whole number.";
        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "Expected a list, like [ ... ].",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "Expected an object, like { ... }.",
            _ => "This value has the wrong type.",
        };
    }
}
