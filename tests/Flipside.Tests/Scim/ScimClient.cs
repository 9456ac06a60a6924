using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flipside.Tests.Support;

namespace Flipside.Tests.Scim;

/// <summary>An identity provider's side of SCIM: a token made on the administrator's page, and requests as IdPs send them.</summary>
public static partial class ScimClient
{
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string FlipsideExtension = "urn:flipside:params:scim:schemas:extension:2.0:User";

    /// <summary>Makes a token through the SCIM tokens page, as an administrator does, and reads it off the page.</summary>
    public static async Task<string> MakeToken(HttpClient admin, string name = "Okta")
    {
        var response = await admin.Submit("/Scim/Tokens", new Dictionary<string, string> { ["Name"] = name }, "/Scim/Tokens?handler=Make");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = MadeToken().Match(await response.Html());
        Assert.True(token.Success, "The page that made the token does not show it.");
        return token.Groups[1].Value;
    }

    public static HttpClient For(FlipsideFactory app, string token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpResponseMessage> Send(this HttpClient client, string method, string path, string? json = null) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/scim/v2" + path)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/scim+json"),
        });

    public static Task<HttpResponseMessage> Send(this HttpClient client, string method, string path, JsonNode body) => client.Send(method, path, body.ToJsonString());

    /// <summary>The answer's body, after checking its status and that it is SCIM's content type.</summary>
    public static async Task<JsonObject> Expect(this Task<HttpResponseMessage> request, HttpStatusCode status)
    {
        var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A refusal: the status, a SCIM error body and its scimType.</summary>
    public static async Task<JsonObject> Refused(this Task<HttpResponseMessage> request, HttpStatusCode status, string? scimType)
    {
        var error = await request.Expect(status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)error["schemas"]![0]);
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)error["status"]);
        Assert.Equal(scimType, (string?)error["scimType"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["detail"]));
        return error;
    }

    public static JsonObject Patch(params JsonObject[] operations) => new()
    {
        ["schemas"] = new JsonArray(PatchOp),
        ["Operations"] = new JsonArray([.. operations]),
    };

    public static JsonObject Op(string op, string? path, JsonNode? value)
    {
        var o = new JsonObject { ["op"] = op };
        if (path is not null) o["path"] = path;
        if (value is not null) o["value"] = value;
        return o;
    }

    [GeneratedRegex("id=\"made-token\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex MadeToken();
}
