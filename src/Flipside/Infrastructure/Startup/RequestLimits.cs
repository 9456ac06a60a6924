using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Flipside.Infrastructure.Startup;

/// <summary>
/// Bounds on what one request may make the server hold (decision 0025): JSON and form bodies are small, a date lies
/// in <see cref="PlausibleDates"/>, a list in a body has at most <see cref="MaxItemsAttribute.Default"/> items unless its property says otherwise. Imports
/// (multipart, CSV, workbooks) keep the server's larger limit.
/// </summary>
public static class RequestLimits
{
    public const long DefaultJsonBodyBytes = 1024 * 1024;

    /// <summary>Refuses a JSON or form body over the limit with 413 before anything reads it.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app, IConfiguration config)
    {
        var limit = config.GetValue("Security:JsonBodyBytes", DefaultJsonBodyBytes);
        return app.Use(async (context, next) =>
        {
            var type = context.Request.ContentType ?? "";
            // SCIM reads its own bodies under its own advertised limit, so that an identity provider gets a SCIM error body.
            if (context.Request.Path.StartsWithSegments("/scim"))
            {
                await next(context);
                return;
            }
            if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                if (context.Request.ContentLength > limit)
                {
                    await TooLarge(context, limit);
                    return;
                }
                // A body without a length (chunked) is cut off by the server at the same size.
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max) max.MaxRequestBodySize = limit;
            }
            await next(context);
        });
    }

    private static Task TooLarge(HttpContext context, long limit)
    {
        var message = $"The request body is larger than {limit / 1024:N0} KB. Send fewer items at a time.";
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.Request.Path.StartsWithSegments("/api")
            ? TypedResults.Problem(message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large").ExecuteAsync(context)
            : context.Response.WriteAsync(message);
    }

    /// <summary>
    /// Checks every list in the endpoint's JSON body against its limit, and every date against
    /// <see cref="PlausibleDates"/>; either is a 400 naming the field, before the use case runs.
    /// </summary>
    public static RouteGroupBuilder LimitRequestBodies(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var bodyType = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            if (bodyType is not null && context.Arguments.FirstOrDefault(a => a is not null && bodyType.IsInstanceOfType(a)) is { } body)
            {
                var errors = new Dictionary<string, string[]>();
                Walk(body, "", errors, depth: 0);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: errors.Count == 1 ? errors.First().Value[0] : "Some values need fixing.");
            }
            return await next(context);
        });
        return group;
    }

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name, int Max)[]> Checked = new();

    private static void Walk(object value, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > 6 || !IsOurs(value.GetType())) return;
        foreach (var (property, name, max) in Checked.GetOrAdd(value.GetType(), Describe))
        {
            var field = path.Length == 0 ? name : $"{path}.{name}";
            var current = property.GetValue(value);
            if (current switch { DateOnly d => !PlausibleDates.Allows(d), DateTime t => !PlausibleDates.Allows(t), DateTimeOffset o => !PlausibleDates.Allows(o), _ => false })
            {
                errors[field] = [PlausibleDates.Message];
                continue;
            }
            switch (current)
            {
                case ICollection list when list.Count > max:
                    errors[field] = [$"Send at most {max:N0} items in {name} ({list.Count:N0} were sent)."];
                    break;
                case IEnumerable items and not string:
                    var i = 0;
                    foreach (var item in items)
                        if (item is not null) Walk(item, $"{field}[{i++}]", errors, depth + 1);
                    break;
                case { } child when IsOurs(child.GetType()):
                    Walk(child, field, errors, depth + 1);
                    break;
            }
        }
    }

    private static bool IsOurs(Type type) => type.Assembly == typeof(RequestLimits).Assembly && !type.IsEnum;

    private static bool IsDate(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset));

    /// <summary>The properties worth a look: dates, lists (with their limit) and nested objects of our own types.</summary>
    private static (PropertyInfo, string, int)[] Describe(Type type) => [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null
            && p.PropertyType != typeof(string) && p.PropertyType != typeof(byte[])
            && (IsDate(p.PropertyType) || typeof(IEnumerable).IsAssignableFrom(p.PropertyType) || IsOurs(p.PropertyType)))
        .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p.GetCustomAttribute<MaxItemsAttribute>()?.Count ?? MaxItemsAttribute.Default))];
}
