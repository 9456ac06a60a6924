using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Flipside.Tests.Support;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>The upload page shows the first thousand problems and hands over every one as a CSV file; the API lists every one.</summary>
public sealed partial class ImportReportTests(FlipsideFactory app) : AdministeredTests(app)
{
    /// <summary>
    /// 1,004 rows, each with a different grade out of range (the same problem on many rows is shown once), and one whose
    /// grade a spreadsheet would run as a formula: 1,005 problems.
    /// </summary>
    private static readonly string ManyProblems =
        Csv([.. Enumerable.Range(1, 1_004).Select(i => Row($"B{i:D4}", grade: 42 + i)), "X1,Ann,x1@example.com,=1+1,Sales,Europe/London,,,,,,,"]);

    [Fact]
    public async Task MoreThanAThousandProblems_ThePageShowsTheFirstThousand_TheCsvAndTheApiListEveryOne()
    {
        var page = await (await Post(ManyProblems, handler: null)).Html();
        Assert.Contains("The file has 1005 problems; nothing was written.", page, StringComparison.Ordinal);
        Assert.Contains("Showing the first 1,000 of 1,005 distinct problems.", page, StringComparison.Ordinal);
        Assert.Equal(1_000, TableRow().Count(page));
        Assert.Contains("formaction=\"/People/Import?handler=Problems\">Download every problem (CSV)</button>", page, StringComparison.Ordinal);

        var download = await Post(ManyProblems, handler: "Problems");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("people-import-problems.csv", download.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), "a byte order mark, so that Excel reads the file as UTF-8");
        var records = Records(bytes[3..]);

        Assert.Equal(["row", "employee_id", "name", "column", "value", "problem", "fix"], records[0]);
        var api = await Admin.Refused(ManyProblems);
        Assert.Equal(1_005, api.Count);
        Assert.Equal(api.Select(p => new[] { p.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), p.EmployeeId, p.Name, p.Column, p.Value, p.Text, p.Fix })
            .Select(r => string.Join('|', r.Select(v => v.StartsWith('=') ? "'" + v : v))), records.Skip(1).Select(r => string.Join('|', r)));
        Assert.Equal(["1006", "X1", "Ann", "grade", "'=1+1"], records[^1][..5]);
        Assert.Equal(0, await App.PeopleCount());
    }

    [Fact]
    public async Task TheSameProblemOnManyRows_IsShownOnceWithItsRows_AndListedRowByRowInTheCsvAndTheApi()
    {
        var csv = Csv([Row("A1"), .. Enumerable.Range(1, 12).Select(i => Row($"B{i:D2}", manager: "#N/A"))]);

        var page = await (await Post(csv, handler: null)).Html();
        Assert.Contains("<td>12 rows</td>", page, StringComparison.Ordinal);
        Assert.Contains("rows 3 (B01 Person B01), 4 (B02 Person B02),", page, StringComparison.Ordinal);
        Assert.Contains("12 (B10 Person B10) … and 2 more", page, StringComparison.Ordinal);
        Assert.Contains("No person with employee id #N/A", page, StringComparison.Ordinal);
        Assert.Equal(0, TableRow().Count(page));

        // The checked file is kept, so its problems download without choosing it again.
        var kept = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(KeptId().Match(page).Groups[1].Value), "UploadId" },
        };
        var download = await Admin.PostAsync("/People/Import?handler=Problems", kept);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        var records = Records((await download.Content.ReadAsByteArrayAsync())[3..]);
        Assert.Equal(13, records.Count);
        Assert.Equal(["14", "B12", "Person B12", "manager_id", "#N/A"], records[^1][..5]);
        Assert.Equal(12, (await Admin.Refused(csv)).Count);
    }

    [Fact]
    public async Task DownloadingTheProblemsOfACleanFile_SaysSo_AndWritesNothing()
    {
        var response = await Post(Csv(Row("A1"), Row("A2", manager: "A1")), handler: "Problems");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("people.csv has no problems. Nothing was written: press Check and import to apply it.", await response.Html(), StringComparison.Ordinal);
        Assert.Equal(0, await App.PeopleCount());
    }

    private static List<string[]> Records(byte[] csv)
    {
        var records = new List<string[]>();
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true });
        while (reader.Read())
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        return records;
    }

    private async Task<HttpResponseMessage> Post(string csv, string? handler)
    {
        var page = await (await Admin.GetAsync("/People/Import")).Html();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { file, "Upload", "people.csv" },
        };
        return await Admin.PostAsync(handler is null ? "/People/Import" : $"/People/Import?handler={handler}", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"UploadId\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex KeptId();

    [GeneratedRegex("<tr><td>[0-9]+</td>")]
    private static partial Regex TableRow();
}
