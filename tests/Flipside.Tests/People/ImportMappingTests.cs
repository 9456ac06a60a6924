using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Features.People;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.People;

/// <summary>Any HR export imports through a mapping: the page's mapping screen, the API's mapping=NAME and the CLI's --mapping.</summary>
public sealed partial class ImportMappingTests : IDisposable
{
    private readonly FlipsideFactory _app = new();

    static ImportMappingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _app.Dispose();

    private static byte[] HrSample => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "People", "hr-sample-export.csv"));

    /// <summary>The mapping of the HR sample export, as the mapping screen suggests it plus its one external manager.</summary>
    private static JsonObject SampleMapping(string dateFormat = "US") => new()
    {
        ["columns"] = new JsonObject
        {
            ["employee_id"] = "EmpID", ["name"] = "Employee_Name", ["email"] = "Email", ["grade"] = "Position", ["department"] = "Department",
            ["time_zone"] = "State", ["title"] = "Position", ["location"] = "State", ["manager"] = "ManagerName", ["hire_date"] = "DateofHire",
            ["birth_year"] = "DOB", ["status"] = "EmploymentStatus", ["termination_date"] = "DateofTermination",
        },
        ["nameForm"] = "LastFirst", ["dateFormat"] = dateFormat, ["managerBy"] = "Name",
        ["externalManagers"] = new JsonArray("Board of Directors"),
        ["leftValues"] = new JsonArray("Voluntarily Terminated", "Terminated for Cause"),
        ["grades"] = new JsonObject
        {
            ["President & CEO"] = 10, ["CIO"] = 10, ["Director of Operations"] = 8, ["Production Manager"] = 6, ["Area Sales Manager"] = 6,
            ["IT Manager - DB"] = 6, ["Sr. DBA"] = 5, ["Software Engineer"] = 3, ["Data Analyst"] = 3, ["Production Technician II"] = 3,
            ["Production Technician I"] = 2,
        },
        ["timeZones"] = new JsonObject
        {
            ["MA"] = "America/New_York", ["CT"] = "America/New_York", ["TX"] = "America/Chicago", ["CA"] = "America/Los_Angeles",
            ["AZ"] = "America/Phoenix", ["WA"] = "America/Los_Angeles",
        },
    };

    private static async Task Saved(HttpClient client, string name, JsonObject mapping)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/people/import/mappings/{Uri.EscapeDataString(name)}", mapping);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, byte[] file, string mapping, string type = "text/csv", string query = "")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return client.PostAsync($"/api/v1/people/import?mapping={Uri.EscapeDataString(mapping)}{query}", content);
    }

    private static async Task<JsonNode> Body(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static List<JsonNode> Problems(JsonNode body) => [.. body["problems"]!.AsArray().Select(p => p!)];

    [Fact]
    public async Task HrSampleExport_ImportsThroughTheMappingScreenInOnePass()
    {
        var admin = await Given.AnAdministrator(_app);
        var page = await (await admin.GetAsync("/People/Import")).Html();
        var form = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(HrSample);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "hr-sample-export.csv");
        var uploaded = await admin.PostAsync("/People/Import", form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var mappingUrl = uploaded.Headers.Location!.OriginalString;
        Assert.StartsWith("/People/ImportMapping", mappingUrl, StringComparison.Ordinal);

        // The screen's suggestion, taken as it stands: every select's chosen option and every table.
        var screen = await (await admin.GetAsync(mappingUrl)).Html();
        var fields = new Dictionary<string, string>
        {
            ["UploadId"] = Regex.Match(mappingUrl, "UploadId=([0-9a-f-]+)").Groups[1].Value,
            ["ExternalManagers"] = "Board of Directors",
            ["SaveAs"] = "HR sample",
        };
        foreach (Match select in Select().Matches(screen))
            if (Chosen().Match(select.Groups[2].Value) is { Success: true } chosen) fields[select.Groups[1].Value] = chosen.Groups[1].Value;
        foreach (Match area in TextArea().Matches(screen))
            fields.TryAdd(area.Groups[1].Value, area.Groups[2].Value);
        Assert.Equal("ManagerName", fields["Columns[manager]"]);
        Assert.Equal("Name", fields["ManagerBy"]);
        Assert.Equal("LastFirst", fields["NameForm"]);
        Assert.Equal("US", fields["DateFormat"]);
        Assert.Contains("Terminated for Cause", fields["LeftValues"], StringComparison.Ordinal);
        Assert.Contains("TX = America/Chicago", fields["TimeZones"], StringComparison.Ordinal);

        var preview = await admin.Submit(mappingUrl, fields, "/People/ImportMapping?handler=Preview");
        var html = await preview.Html();
        Assert.DoesNotContain("Problems in the file", html, StringComparison.Ordinal);
        Assert.Contains("add 20 people", html, StringComparison.Ordinal);
        Assert.Contains("put 2 people at the top of the organisation", html, StringComparison.Ordinal);
        Assert.Contains("Reporting to <strong>Board of Directors</strong>, an external manager: 10001, 10002.", html, StringComparison.Ordinal);
        Assert.Contains("<td>Adaeze Okonkwo</td>", html, StringComparison.Ordinal);
        Assert.Equal(0, await _app.PeopleCount());

        fields["Confirmed"] = "true";
        fields["PreviewStamp"] = Regex.Match(html, "name=\"PreviewStamp\" value=\"([0-9A-F]+)\"").Groups[1].Value;
        var applied = await admin.Submit(mappingUrl, fields, "/People/ImportMapping?handler=Apply");
        Assert.True(applied.StatusCode == HttpStatusCode.Redirect, await applied.Html());

        var people = await _app.Query(db => db.People.AsNoTracking().ToDictionaryAsync(p => p.EmployeeId));
        Assert.Equal(20, people.Count);
        var wilson = people["10006"];
        Assert.Equal(("Wilson K Adinolfi", "10004", "Production", 2, "America/New_York"), (wilson.Name, wilson.ManagerEmployeeId, wilson.Department, wilson.Grade, wilson.TimeZone));
        Assert.Equal(new DateOnly(2011, 7, 5), wilson.HireDate);
        Assert.Equal(1983, wilson.BirthYear);
        Assert.Equal("10005", people["10011"].ManagerEmployeeId); // "Emi Nakamura" resolved against the file
        Assert.Equal("10012", people["10013"].ManagerEmployeeId); // "Sean Gallagher" is "Gallagher, Sean P"
        Assert.Null(people["10001"].ManagerEmployeeId);
        var leavers = people.Values.Where(p => p.Status == PersonStatus.Left).Select(p => p.EmployeeId).Order().ToList();
        Assert.Equal(["10008", "10010", "10017", "10020"], leavers);
        Assert.Equal("(no email) 10008", people["10008"].Email);
        Assert.Equal("America/Chicago", people["10014"].TimeZone);

        // Saved under its name: the API reads the same export through it and finds nothing to change.
        var again = await Body(await Post(admin, HrSample, "HR sample"), HttpStatusCode.OK);
        Assert.Equal((0, 0, 20), ((int)again["created"]!, (int)again["updated"]!, (int)again["unchanged"]!));
    }

    [Fact]
    public async Task TheMappingScreen_MarksPeopleMissingFromTheFileAsLeft_OnlyWhenTicked()
    {
        var admin = await Given.AnAdministrator(_app);
        await admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("X1")));
        var id = await Kept(admin, HrSample, "hr.csv");
        var fields = ScreenFields(id, SampleMapping());
        Assert.Contains("id=\"MarkMissingAsLeft\"", await (await admin.GetAsync($"/People/ImportMapping?UploadId={id}")).Html(), StringComparison.Ordinal);

        var unticked = await (await admin.Submit($"/People/ImportMapping?UploadId={id}", fields, "/People/ImportMapping?handler=Preview")).Html();
        fields["MarkMissingAsLeft"] = "true";
        var ticked = await (await admin.Submit($"/People/ImportMapping?UploadId={id}", fields, "/People/ImportMapping?handler=Preview")).Html();
        Assert.Contains("mark 0 people as left", unticked, StringComparison.Ordinal);
        Assert.Contains("mark 1 person as left", ticked, StringComparison.Ordinal);
        Assert.Contains("id=\"MarkMissingAsLeft\" name=\"MarkMissingAsLeft\" value=\"true\" checked=\"checked\"", ticked, StringComparison.Ordinal);

        fields["Confirmed"] = "true";
        fields["PreviewStamp"] = Regex.Match(ticked, "name=\"PreviewStamp\" value=\"([0-9A-F]+)\"").Groups[1].Value;
        var applied = await admin.Submit($"/People/ImportMapping?UploadId={id}", fields, "/People/ImportMapping?handler=Apply");

        Assert.True(applied.StatusCode == HttpStatusCode.Redirect, await applied.Html());
        Assert.Equal(PersonStatus.Left, await _app.Query(db => db.People.Where(p => p.EmployeeId == "X1").Select(p => p.Status).SingleAsync()));
        Assert.Equal(21, await _app.PeopleCount());
    }

    [Fact]
    public async Task TheImportPage_CarriesMarkMissingAsLeft_ToTheMappingScreen()
    {
        var admin = await Given.AnAdministrator(_app);
        var page = await (await admin.GetAsync("/People/Import")).Html();
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("true"), "MarkMissingAsLeft" },
            { new ByteArrayContent(HrSample), "Upload", "hr.csv" },
        };

        var uploaded = await admin.PostAsync("/People/Import", form);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var screen = await (await admin.GetAsync(uploaded.Headers.Location!.OriginalString)).Html();
        Assert.Contains("id=\"MarkMissingAsLeft\" name=\"MarkMissingAsLeft\" value=\"true\" checked=\"checked\"", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMappingThatLeavesARequiredFieldUnmapped_IsRefusedNamingTheField()
    {
        var admin = await Given.AnAdministrator(_app);
        var mapping = SampleMapping();
        mapping["columns"]!.AsObject().Remove("email");
        var refused = await Body(await admin.PutAsJsonAsync("/api/v1/people/import/mappings/broken", mapping), HttpStatusCode.BadRequest);
        Assert.Contains("Email is required", (string)refused["errors"]!["email"]![0]!, StringComparison.Ordinal);

        // On the screen, the same mapping is told beside the field and nothing is saved or written.
        var id = await Kept(admin, HrSample, "hr.csv");
        var fields = ScreenFields(id, SampleMapping());
        fields.Remove("Columns[email]");
        fields["SaveAs"] = "broken";
        var html = await (await admin.Submit($"/People/ImportMapping?UploadId={id}", fields, "/People/ImportMapping?handler=Preview")).Html();
        Assert.Contains("Email is required: choose the column of the file that holds it.", html, StringComparison.Ordinal);
        var saved = await Body(await admin.GetAsync("/api/v1/people/import/mappings"), HttpStatusCode.OK);
        Assert.Empty(saved.AsArray());
        Assert.Equal(0, await _app.PeopleCount());
    }

    [Fact]
    public async Task AnXlsxThatIsNotOne_IsAProblemWithTheFix_AndAnUnknownMappingNamesTheSavedOnes()
    {
        var admin = await Given.AnAdministrator(_app);
        await Saved(admin, "HR sample", SampleMapping());
        var refused = await Body(await Post(admin, HrSample, "HR sample", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), HttpStatusCode.BadRequest);
        var problem = Assert.Single(Problems(refused));
        Assert.Contains("not an Excel workbook", (string)problem["problem"]!, StringComparison.Ordinal);
        Assert.Contains("save it again", (string)problem["fix"]!, StringComparison.Ordinal);

        var zip = new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8 };
        var damaged = await Body(await Post(admin, zip, "HR sample", HrFile.WorkbookType), HttpStatusCode.BadRequest);
        Assert.Contains("not an Excel workbook", (string)Problems(damaged)[0]["problem"]!, StringComparison.Ordinal);

        var unknown = await Body(await Post(admin, HrSample, "Workday"), HttpStatusCode.BadRequest);
        Assert.Contains("Saved mappings: HR sample.", (string)unknown["errors"]!["mapping"]![0]!, StringComparison.Ordinal);
        Assert.Equal(0, await _app.PeopleCount());
    }

    [Fact]
    public async Task ADateThatDoesNotFitTheChosenFormat_IsAProblemOnItsRowAndColumn_AndNothingIsWritten()
    {
        var admin = await Given.AnAdministrator(_app);
        await Saved(admin, "European", SampleMapping("European"));
        var refused = await Body(await Post(admin, HrSample, "European"), HttpStatusCode.BadRequest);
        var hire = Problems(refused).First(p => (string)p["column"]! == "DateofHire");
        Assert.Equal((2, "1/9/2012", "10001"), ((int)hire["row"]!, (string)hire["value"]!, (string)hire["employeeId"]!));
        Assert.Equal("This date does not fit the mapping's date format dd.MM.yyyy.", (string)hire["problem"]!);
        Assert.Contains("Choose the date format the file uses", (string)hire["fix"]!, StringComparison.Ordinal);
        Assert.Equal(0, await _app.PeopleCount());
    }

    [Fact]
    public async Task AnAmbiguousManagerName_IsAProblemNamingTheCandidates_AndAnUnknownOneSuggestsAnExternalManager()
    {
        var admin = await Given.AnAdministrator(_app);
        var mapping = new JsonObject
        {
            ["columns"] = new JsonObject
            {
                ["employee_id"] = "Id", ["first_name"] = "First", ["last_name"] = "Last", ["email"] = "Mail", ["grade"] = "Level",
                ["department"] = "Team", ["time_zone"] = "Zone", ["manager"] = "Boss",
            },
            ["nameForm"] = "TwoColumns", ["managerBy"] = "Name",
        };
        await Saved(admin, "two columns", mapping);
        var csv = "Id\tFirst\tLast\tMail\tLevel\tTeam\tZone\tBoss\n"
            + "1\tAnn\tLee\tann1@example.com\t9\tOps\tEurope/Paris\t\n"
            + "2\tAnn M\tLee\tann2@example.com\t8\tOps\tEurope/Paris\t\n"
            + "3\tBob\tRay\tbob@example.com\t3\tOps\tEurope/Paris\tlee, ann\n"
            + "4\tCy\tOx\tcy@example.com\t3\tOps\tEurope/Paris\tThe Owners\n";
        var problems = Problems(await Body(await Post(admin, Encoding.UTF8.GetBytes(csv), "two columns"), HttpStatusCode.BadRequest));
        Assert.Equal(2, problems.Count);
        Assert.Equal((4, "Boss"), ((int)problems[0]["row"]!, (string)problems[0]["column"]!));
        Assert.Equal("The name \"lee, ann\" fits 2 people: Ann Lee (1), Ann M Lee (2).", (string)problems[0]["problem"]!);
        Assert.Contains("list it as an external manager", (string)problems[1]["fix"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows1252SemicolonCsvAndAWorkbook_ImportThroughTheSameMapping()
    {
        var admin = await Given.AnAdministrator(_app);
        var mapping = new JsonObject
        {
            ["columns"] = new JsonObject
            {
                ["employee_id"] = "Personalnummer", ["name"] = "Name", ["email"] = "E-Mail", ["grade"] = "Stufe", ["department"] = "Abteilung",
                ["time_zone"] = "Ort", ["hire_date"] = "Eintritt", ["manager"] = "Vorgesetzter",
            },
            ["nameForm"] = "LastFirst", ["dateFormat"] = "European", ["managerBy"] = "EmployeeId",
            ["timeZones"] = new JsonObject { ["München"] = "Europe/Berlin" },
        };
        await Saved(admin, "SAP", mapping);
        var csv = "Personalnummer;Name;E-Mail;Stufe;Abteilung;Ort;Eintritt;Vorgesetzter\r\n"
            + "7;Müller, Jürgen;jm@example.com;7;Vertrieb;München;01.02.2015;\r\n";
        var created = await Body(await Post(admin, Encoding.GetEncoding(1252).GetBytes(csv), "SAP"), HttpStatusCode.OK);
        Assert.Equal(1, (int)created["created"]!);

        var workbook = Workbook(
            ["Personalnummer", "Name", "E-Mail", "Stufe", "Abteilung", "Ort", "Eintritt", "Vorgesetzter"],
            ["8", "Schäfer, Lena", "ls@example.com", "4", "Vertrieb", "München", "15.03.2021", "7"]);
        var second = await Body(await Post(admin, workbook, "SAP", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), HttpStatusCode.OK);
        Assert.Equal((1, 0), ((int)second["created"]!, (int)second["mapping"]!["notes"]!["atTheTop"]!));
        var people = await _app.Query(db => db.People.AsNoTracking().OrderBy(p => p.EmployeeId).ToListAsync());
        Assert.Equal(["Jürgen Müller", "Lena Schäfer"], people.Select(p => p.Name));
        Assert.Equal(("7", new DateOnly(2021, 3, 15), "Europe/Berlin"), (people[1].ManagerEmployeeId, people[1].HireDate, people[1].TimeZone));
    }

    [Fact]
    public async Task Command_ImportsThroughASavedMapping_AndRefusesABadDateWithExit1()
    {
        var admin = await Given.AnAdministrator(_app);
        await Saved(admin, "HR sample", SampleMapping());
        await Saved(admin, "European", SampleMapping("European"));
        var path = Path.Combine(_app.Database.DataDirectory, "hr export.csv");
        await File.WriteAllBytesAsync(path, HrSample);

        var refused = await Cli(["import", "people", path, "--mapping", "European"]);
        Assert.True(refused.ExitCode == 1, refused.Out + refused.Error);
        Assert.Contains("Row 2, DateofHire, \"1/9/2012\": This date does not fit", refused.Out, StringComparison.Ordinal);
        Assert.Equal(0, await _app.PeopleCount());

        var applied = await Cli(["import", "people", path, "--mapping", "HR sample"]);
        Assert.True(applied.ExitCode == 0, applied.Out + applied.Error);
        Assert.Contains("External manager \"Board of Directors\": 10001, 10002", applied.Out, StringComparison.Ordinal);
        Assert.Contains("Import applied: 20 created", applied.Out, StringComparison.Ordinal);
        Assert.Equal(20, await _app.PeopleCount());

        var unknown = await Cli(["import", "people", path, "--mapping", "Workday"]);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No mapping is saved under the name \"Workday\"", unknown.Error, StringComparison.Ordinal);
    }

    private Task<FlipsideProcess.Outcome> Cli(string[] args) => FlipsideProcess.Run([.. args, "--data", _app.Database.DataDirectory], new Dictionary<string, string>
    {
        ["Database__Provider"] = _app.Database.Provider,
        ["ConnectionStrings__Flipside"] = _app.Database.ConnectionString,
    }, TimeSpan.FromSeconds(120));

    /// <summary>Uploads a file the import page sends on to the mapping screen, and returns the kept upload's id.</summary>
    private static async Task<string> Kept(HttpClient client, byte[] bytes, string name)
    {
        var page = await (await client.GetAsync("/People/Import")).Html();
        var form = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(bytes), "Upload", name);
        var response = await client.PostAsync("/People/Import", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Regex.Match(response.Headers.Location!.OriginalString, "UploadId=([0-9a-f-]+)").Groups[1].Value;
    }

    private static Dictionary<string, string> ScreenFields(string uploadId, JsonObject mapping)
    {
        var fields = new Dictionary<string, string> { ["UploadId"] = uploadId };
        foreach (var (field, column) in mapping["columns"]!.AsObject()) fields[$"Columns[{field}]"] = (string)column!;
        fields["NameForm"] = (string)mapping["nameForm"]!;
        fields["DateFormat"] = (string)mapping["dateFormat"]!;
        fields["ManagerBy"] = (string)mapping["managerBy"]!;
        fields["ExternalManagers"] = string.Join('\n', mapping["externalManagers"]!.AsArray().Select(v => (string)v!));
        fields["LeftValues"] = string.Join('\n', mapping["leftValues"]!.AsArray().Select(v => (string)v!));
        fields["Grades"] = string.Join('\n', mapping["grades"]!.AsObject().Select(g => $"{g.Key} = {g.Value}"));
        fields["TimeZones"] = string.Join('\n', mapping["timeZones"]!.AsObject().Select(z => $"{z.Key} = {z.Value}"));
        return fields;
    }

    /// <summary>The smallest .xlsx a spreadsheet program writes: one sheet, strings inline.</summary>
    private static byte[] Workbook(params string[][] rows)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main", rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            Add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{main}\" xmlns:r=\"{rel}\"><sheets><sheet name=\"People\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            var sheet = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{main}\"><sheetData>");
            for (var r = 0; r < rows.Length; r++)
            {
                sheet.Append($"<row r=\"{r + 1}\">");
                for (var c = 0; c < rows[r].Length; c++)
                    sheet.Append($"<c r=\"{(char)('A' + c)}{r + 1}\" t=\"inlineStr\"><is><t>{WebUtility.HtmlEncode(rows[r][c])}</t></is></c>");
                sheet.Append("</row>");
            }
            Add("xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
        }
        return output.ToArray();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected=\"selected\">")]
    private static partial Regex Chosen();

    [GeneratedRegex("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();
}
