using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Flipside.Tests.Support;

namespace Flipside.Tests.People;

/// <summary>People files as an HR system would export them, and the import called through the API.</summary>
public static class PeopleFiles
{
    public const string Header = "employee_id,name,email,grade,department,time_zone,manager_id,title,location,hire_date,birth_year,languages,status";

    public static string Row(string id, string? manager = null, int grade = 3, string email = "", string zone = "Europe/London",
        string name = "", string department = "Engineering", string hired = "2020-01-15", string birthYear = "1995", string status = "active",
        string title = "Engineer", string location = "London") =>
        $"{id},{(name.Length > 0 ? name : "Person " + id)},{(email.Length > 0 ? email : id.ToLowerInvariant() + "@example.com")},{grade},{department},{zone},{manager},{title},{location},{hired},{birthYear},en;es,{status}";

    public static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    /// <summary>A tree: P00001 leads, everyone else reports to someone earlier in the file.</summary>
    public static string Organisation(int count, string prefix = "P") =>
        Csv([.. Enumerable.Range(1, count).Select(i => Row($"{prefix}{i:D5}", i == 1 ? null : $"{prefix}{i / 2:D5}", grade: 1 + i % 10))]);

    public static Task<HttpResponseMessage> ImportCsv(this HttpClient client, string csv, bool markMissingAsLeft = false) =>
        client.ImportBytes(Encoding.UTF8.GetBytes(csv), markMissingAsLeft);

    public static Task<HttpResponseMessage> ImportBytes(this HttpClient client, byte[] bytes, bool markMissingAsLeft = false)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return client.PostAsync($"/api/v1/people/import?markMissingAsLeft={markMissingAsLeft}", content);
    }

    /// <summary>Imports a file that must apply, and returns the report's counts.</summary>
    public static async Task<(int Created, int Updated, int Unchanged, int MarkedLeft)> Applied(this HttpClient client, string csv, bool markMissingAsLeft = false)
    {
        var response = await client.ImportCsv(csv, markMissingAsLeft);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var r = JsonNode.Parse(body)!;
        return ((int)r["created"]!, (int)r["updated"]!, (int)r["unchanged"]!, (int)r["markedLeft"]!);
    }

    public sealed record Problem(int Row, string Column, string Value, string Text, string Fix, string EmployeeId = "", string Name = "");

    /// <summary>Imports a file that must be refused, and returns every problem the report lists.</summary>
    public static async Task<IReadOnlyList<Problem>> Refused(this HttpClient client, byte[] bytes)
    {
        var response = await client.ImportBytes(bytes);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return [.. JsonNode.Parse(body)!["problems"]!.AsArray().Select(p => new Problem(
            (int)p!["row"]!, (string)p["column"]!, (string)p["value"]!, (string)p["problem"]!, (string)p["fix"]!,
            (string)p["employeeId"]!, (string)p["name"]!))];
    }

    public static Task<IReadOnlyList<Problem>> Refused(this HttpClient client, string csv) => client.Refused(Encoding.UTF8.GetBytes(csv));

    public static Task<int> PeopleCount(this FlipsideFactory app) =>
        app.Query(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.People));
}
