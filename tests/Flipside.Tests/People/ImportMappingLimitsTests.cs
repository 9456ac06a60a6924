using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Flipside.Features.People;
using Flipside.Tests.Support;

namespace Flipside.Tests.People;

/// <summary>What the mapping screen and the workbook reader refuse rather than pass over: unreadable table lines, zip bombs.</summary>
public sealed partial class ImportMappingTests
{
    [Fact]
    public async Task AMalformedValueTableLine_IsAnErrorNamingTheLine_AndNothingIsSavedOrWritten()
    {
        var admin = await Given.AnAdministrator(_app);
        var id = await Kept(admin, HrSample, "hr.csv");
        var fields = ScreenFields(id, SampleMapping());
        fields["Grades"] = "CIO = 10\n\nSoftware Engineer 3\nData Analyst = eleven";
        fields["TimeZones"] = "MA = America/New_York\n= America/Chicago";
        fields["SaveAs"] = "typo";

        foreach (var handler in new[] { "Preview", "Apply" })
        {
            if (handler == "Apply") fields["Confirmed"] = "true";
            var html = WebUtility.HtmlDecode(await (await admin.Submit($"/People/ImportMapping?UploadId={id}", fields, $"/People/ImportMapping?handler={handler}")).Html());
            Assert.Contains("Line 3: \"Software Engineer 3\" is not a pair", html, StringComparison.Ordinal);
            Assert.Contains("Line 2: \"= America/Chicago\" is not a pair", html, StringComparison.Ordinal);
            Assert.DoesNotContain("add 20 people", html, StringComparison.Ordinal);
        }
        fields["Grades"] = "Data Analyst = eleven";
        var grade = WebUtility.HtmlDecode(await (await admin.Submit($"/People/ImportMapping?UploadId={id}", fields, "/People/ImportMapping?handler=Preview")).Html());
        Assert.Contains("Line 1: \"eleven\" for \"Data Analyst\" is not a grade", grade, StringComparison.Ordinal);

        Assert.Equal(0, await _app.PeopleCount());
        Assert.Empty((await admin.GetFromJsonAsync<List<object>>("/api/v1/people/import/mappings"))!);
    }

    [Fact]
    public async Task AZipBombNamedXlsx_IsRefusedNamingTheLimit_BeforeItIsRead()
    {
        var admin = await Given.AnAdministrator(_app);
        await Saved(admin, "HR sample", SampleMapping());

        var huge = Bomb(zip =>
        {
            using var part = zip.CreateEntry("xl/media/padding.bin", CompressionLevel.Fastest).Open();
            var zeros = new byte[1024 * 1024];
            for (var mb = 0; mb <= HrFile.MaxUnpackedBytes / zeros.Length; mb++) part.Write(zeros);
        });
        Assert.True(huge.Length < 2 * 1024 * 1024, $"The bomb is {huge.Length} bytes packed.");
        var refused = await Body(await Post(admin, huge, "HR sample", HrFile.WorkbookType), HttpStatusCode.BadRequest);
        Assert.Contains($"more than {HrFile.MaxUnpackedBytes / (1024 * 1024)} MB", (string)Assert.Single(Problems(refused))["problem"]!, StringComparison.Ordinal);

        var many = Bomb(zip =>
        {
            for (var i = 0; i <= HrFile.MaxParts; i++) zip.CreateEntry($"xl/parts/{i}.xml");
        });
        var parts = await Body(await Post(admin, many, "HR sample", HrFile.WorkbookType), HttpStatusCode.BadRequest);
        Assert.Contains($"more than {HrFile.MaxParts} parts", (string)Assert.Single(Problems(parts))["problem"]!, StringComparison.Ordinal);
        Assert.Equal(0, await _app.PeopleCount());
    }

    /// <summary>A readable one-row workbook with something added: what a bomb looks like to anything that only checks the format.</summary>
    private static byte[] Bomb(Action<ZipArchive> add)
    {
        var workbook = Workbook(["EmpID", "Employee_Name"], ["1", "Doe, Jane"]);
        using var output = new MemoryStream();
        output.Write(workbook);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true)) add(zip);
        return output.ToArray();
    }
}
