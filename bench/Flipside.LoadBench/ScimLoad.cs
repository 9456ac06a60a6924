using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.LoadBench;

/// <summary>
/// The SCIM measure of issue 13: an identity provider creates N users, then patches each (title, department and a
/// manager, as Entra sends them), at a fixed number of concurrent requests. Every request is timed from the client's
/// side of the wire; any answer other than 201 or 200 counts as an error.
/// </summary>
public static class ScimLoad
{
    /// <summary>Makes a SCIM token straight in a database the app serves or has made, as the tokens page would, and prints it.</summary>
    public static async Task<int> Token(string dataDirectory, string name)
    {
        var file = Path.Combine(Path.GetFullPath(dataDirectory), "flipside.db");
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"no database at {file}: start the app once with --data {dataDirectory}");
            return 1;
        }
        await using var db = new SqliteFlipsideDb(new DbContextOptionsBuilder<SqliteFlipsideDb>().UseSqlite($"Data Source={file}").Options);
        var token = Tokens.New();
        db.ScimTokens.Add(new ScimToken($"{name} {DateTime.UtcNow:HHmmss}", Tokens.Hash(token), "benchmark", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        Console.WriteLine(token);
        return 0;
    }

    public static async Task<int> Run(Dictionary<string, string> o)
    {
        int Int(string key, int fallback) => o.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var users = Int("users", 1000);
        var concurrency = Int("concurrency", 8);
        using var http = new HttpClient { BaseAddress = new Uri(o["url"].TrimEnd('/') + "/scim/v2/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", o["token"]);
        var tag = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

        // A few requests first, so the figures are of a warm server, as an IdP's steady sync would see it.
        for (var i = 0; i < 5; i++) (await http.GetAsync("Users?count=1")).EnsureSuccessStatusCode();

        var ids = new string[users];
        var created = await Phase("create", users, concurrency, async i =>
        {
            var response = await http.PostAsync("Users", Json(User($"scim{tag}.{i}@bench.example.com", $"B{tag}-{i:D5}", i)));
            if (response.IsSuccessStatusCode) ids[i] = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
            return response;
        });
        var patched = await Phase("patch", users, concurrency, i => ids[i] is null
            ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound))
            : http.PatchAsync($"Users/{ids[i]}", Json(Patch(i, i == 0 ? null : ids[(i - 1) / 2]))));
        return created && patched ? 0 : 1;
    }

    private static async Task<bool> Phase(string name, int count, int concurrency, Func<int, Task<HttpResponseMessage>> send)
    {
        var times = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) < count;)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await send(i);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) errors.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }));
        var sorted = times.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine(FormattableString.Invariant(
            $"{name}: {count} requests at {concurrency} concurrent in {wall.Elapsed.TotalSeconds:F1} s, {errors.Count} errors; p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms"));
        foreach (var e in errors.Take(5)) Console.WriteLine($"  {e}");
        return errors.IsEmpty && P(0.95) < 100;
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/scim+json");

    private static JsonObject User(string userName, string employeeNumber, int i) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
        ["userName"] = userName,
        ["externalId"] = Guid.NewGuid().ToString(),
        ["active"] = true,
        ["name"] = new JsonObject { ["givenName"] = $"Bench{i}", ["familyName"] = "User" },
        ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["type"] = "work", ["value"] = userName }),
        ["title"] = "Analyst",
        ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = new JsonObject { ["employeeNumber"] = employeeNumber, ["department"] = "Finance" },
    };

    /// <summary>Each user gets the user created before half their number as manager: a tree, so no patch makes a cycle.</summary>
    private static JsonObject Patch(int i, string? managerId)
    {
        var operations = new JsonArray(
            new JsonObject { ["op"] = "Replace", ["path"] = "title", ["value"] = $"Senior Analyst {i % 7}" },
            new JsonObject { ["op"] = "Replace", ["path"] = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", ["value"] = "Operations" });
        if (managerId is not null)
            operations.Add(new JsonObject { ["op"] = "Add", ["path"] = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", ["value"] = managerId });
        return new JsonObject { ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"), ["Operations"] = operations };
    }
}
