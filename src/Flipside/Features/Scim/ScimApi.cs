using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Scim;

/// <summary>
/// SCIM 2.0 (RFC 7643/7644) at /scim/v2 for identity providers: Users, and the discovery endpoints. Every answer,
/// refusals included, is application/scim+json; a refusal is a SCIM error with a scimType where one fits.
/// </summary>
public static class ScimApi
{
    public const string Root = "/scim/v2";

    public static void MapScimApi(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup(Root).RequireAuthorization(ScimAuthentication.Policy).ExcludeFromDescription().DisableAntiforgery();
        scim.MapGet("/ServiceProviderConfig", (HttpContext c) => Ok(ScimDiscovery.ServiceProviderConfig(BaseUrl(c))));
        scim.MapGet("/ResourceTypes", (HttpContext c) => Ok(ScimDiscovery.ResourceTypes(BaseUrl(c))));
        scim.MapGet("/ResourceTypes/{id}", (string id, HttpContext c) =>
            id.Equals("User", StringComparison.OrdinalIgnoreCase) ? Ok(ScimDiscovery.UserType(BaseUrl(c)))
            : id.Equals("Group", StringComparison.OrdinalIgnoreCase) ? Ok(ScimDiscovery.GroupType(BaseUrl(c)))
            : Refuse(ScimException.NotFound($"There is no resource type {id}; Flipside serves User and Group.")));
        scim.MapGet("/Schemas", (HttpContext c) => Ok(ScimDiscovery.Schemas(BaseUrl(c))));
        scim.MapGet("/Schemas/{id}", (string id, HttpContext c) =>
            ScimDiscovery.SchemaList(BaseUrl(c)).FirstOrDefault(s => id.Equals((string?)s["id"], StringComparison.OrdinalIgnoreCase)) is { } schema
                ? Ok(schema) : Refuse(ScimException.NotFound($"There is no schema {id}.")));

        scim.MapGet("/Users", (string? filter, string? startIndex, string? count, HttpContext c, FlipsideDb db, TimeProvider clock, IConfiguration config, CancellationToken ct) =>
            Run(async () => Ok(await Users(c, db, clock, config).List(filter, Number(startIndex, "startIndex", 1, 1, int.MaxValue),
                Number(count, "count", ScimDiscovery.MaxResults, 0, ScimDiscovery.MaxResults), ct))));
        scim.MapPost("/Users", (HttpContext c, FlipsideDb db, TimeProvider clock, IConfiguration config, CancellationToken ct) => Run(async () =>
        {
            var (id, user) = await Users(c, db, clock, config).Create(await Body(c.Request, ct), ct);
            c.Response.Headers.Location = $"{BaseUrl(c)}/Users/{id}";
            return Ok(user, StatusCodes.Status201Created);
        }));
        scim.MapGet("/Users/{id}", (string id, HttpContext c, FlipsideDb db, TimeProvider clock, IConfiguration config, CancellationToken ct) =>
            Run(async () => Ok(await Users(c, db, clock, config).Get(Id(id), ct))));
        scim.MapPut("/Users/{id}", (string id, HttpContext c, FlipsideDb db, TimeProvider clock, IConfiguration config, CancellationToken ct) =>
            Run(async () => Ok(await Users(c, db, clock, config).Replace(Id(id), await Body(c.Request, ct), ct))));
        scim.MapPatch("/Users/{id}", (string id, HttpContext c, FlipsideDb db, TimeProvider clock, IConfiguration config, CancellationToken ct) =>
            Run(async () => Ok(await Users(c, db, clock, config).Patch(Id(id), await Body(c.Request, ct), ct))));
        scim.MapDelete("/Users/{id}", (string id, HttpContext c, FlipsideDb db, TimeProvider clock, IConfiguration config, CancellationToken ct) => Run(async () =>
        {
            await Users(c, db, clock, config).Deactivate(Id(id), ct);
            return TypedResults.NoContent();
        }));
        scim.MapScimGroups();
    }

    private static void MapScimGroups(this RouteGroupBuilder scim)
    {
        // Entra reads groups with excludedAttributes=members, since a large group's member list is long and it only needs the id.
        static bool WithMembers(string? excluded) => excluded?.Split(',').Any(a => a.Trim().Equals("members", StringComparison.OrdinalIgnoreCase)) != true;
        scim.MapGet("/Groups", (string? filter, string? startIndex, string? count, string? excludedAttributes, HttpContext c, FlipsideDb db, TimeProvider clock,
            UserManager<FlipsideUser> users, CancellationToken ct) =>
            Run(async () => Ok(await Groups(c, db, users, clock).List(filter, Number(startIndex, "startIndex", 1, 1, int.MaxValue),
                Number(count, "count", ScimDiscovery.MaxResults, 0, ScimDiscovery.MaxResults), WithMembers(excludedAttributes), ct))));
        scim.MapGet("/Groups/{id}", (string id, string? excludedAttributes, HttpContext c, FlipsideDb db, TimeProvider clock, UserManager<FlipsideUser> users,
            CancellationToken ct) => Run(async () => Ok(await Groups(c, db, users, clock).Get(id, WithMembers(excludedAttributes), ct))));
        scim.MapPut("/Groups/{id}", (string id, HttpContext c, FlipsideDb db, TimeProvider clock, UserManager<FlipsideUser> users, CancellationToken ct) =>
            Run(async () => Ok(await Groups(c, db, users, clock).Replace(id, await Body(c.Request, ct), ct))));
        scim.MapPatch("/Groups/{id}", (string id, HttpContext c, FlipsideDb db, TimeProvider clock, UserManager<FlipsideUser> users, CancellationToken ct) =>
            Run(async () => Ok(await Groups(c, db, users, clock).Patch(id, await Body(c.Request, ct), ct))));
        // The groups are the roles, so none is made or deleted; an IdP links its own groups to them instead.
        var fixedSet = ScimException.Mutability("Flipside's groups are its roles (Administrator, ProgramManager, Sponsor, Participant) and cannot be made or deleted; link the identity provider's group to one of them and push its members.");
        scim.MapPost("/Groups", () => Refuse(fixedSet));
        scim.MapDelete("/Groups/{id}", (string id) => Refuse(fixedSet));
    }

    private static ProvisionGroups Groups(HttpContext c, FlipsideDb db, UserManager<FlipsideUser> users, TimeProvider clock) =>
        new(db, users, Actor(c, db), clock, BaseUrl(c), c.RequestServices.GetService<SsoSettings>()?.BreakGlassEmail);

    /// <summary>The token's name is who the audit log says acted.</summary>
    private static Viewer Actor(HttpContext c, FlipsideDb db) => Viewer.System(db, $"SCIM token {c.User.FindFirst(ScimAuthentication.TokenClaim)?.Value}");

    /// <summary>The token's name is who the audit log says acted; a SCIM token acts with an administrator's rights on the directory only.</summary>
    private static ProvisionUsers Users(HttpContext c, FlipsideDb db, TimeProvider clock, IConfiguration config) =>
        new(db, Actor(c, db), clock, $"{BaseUrl(c)}/Users",
            config.GetValue("Scim:DefaultGrade", 1), c.RequestServices.GetService<SsoSettings>()?.BreakGlassEmail);

    private static string BaseUrl(HttpContext c) => $"{c.Request.Scheme}://{c.Request.Host}{c.Request.PathBase}{Root}";

    private static IResult Ok(JsonNode body, int status = StatusCodes.Status200OK) => ScimJson.Result(body, status);

    private static IResult Refuse(ScimException e) => ScimJson.Result(e.Body(), e.Status);

    private static async Task<IResult> Run(Func<Task<IResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (ScimException e)
        {
            return Refuse(e);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // A unique index that another request won between the checks and the save (two creates of one userName at
            // once): the transaction wrote nothing, and the IdP is told in SCIM's words so it can look the User up and retry.
            return Refuse(ScimException.Uniqueness("Another request changed the same User, userName or email at the same time; nothing was saved. Look the User up and try again."));
        }
    }

    private static Guid Id(string id) => Guid.TryParse(id, out var guid) ? guid : throw ScimException.NotFound($"There is no User {id}.");

    private static int Number(string? text, string name, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            throw ScimException.InvalidValue($"{name} must be a whole number.");
        return Math.Clamp(n, min, max);
    }

    /// <summary>Read here rather than bound, so that an oversized or malformed body gets a SCIM error rather than the framework's.</summary>
    private static async Task<JsonObject> Body(HttpRequest request, CancellationToken ct)
    {
        static ScimException TooLarge() => new(StatusCodes.Status413PayloadTooLarge, null,
            $"The body is larger than {ScimDiscovery.MaxPayloadBytes / 1024} KB, the most Flipside reads; a User is a few kilobytes.");
        if (request.ContentLength > ScimDiscovery.MaxPayloadBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        for (int read; (read = await request.Body.ReadAsync(chunk, ct)) > 0;)
        {
            if (buffer.Length + read > ScimDiscovery.MaxPayloadBytes) throw TooLarge();
            await buffer.WriteAsync(chunk.AsMemory(0, read), ct);
        }
        try
        {
            return JsonNode.Parse(buffer.ToArray(), new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject
                ?? throw ScimException.InvalidSyntax("The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw ScimException.InvalidSyntax($"The body is not JSON: {e.Message}");
        }
    }
}
