using System.Data.Common;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>New people bypass EF on the way in; they must be stored exactly as EF would have stored them.</summary>
public sealed class BulkWriteTests : IDisposable
{
    private readonly FlipsideFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static Person[] Sample() =>
    [
        new("W1")
        {
            Name = "Zoë Müller", Email = "w1@example.com", Title = "Head of\nSales, EMEA", Grade = 9, Department = "Sales", Location = "Berlin",
            TimeZone = "Europe/Berlin", ManagerEmployeeId = null, HireDate = new DateOnly(1999, 12, 31), BirthYear = null, Languages = "de,en",
            Status = PersonStatus.OnLeave,
        },
        new("W2")
        {
            Name = "O'Brien \"Bo\"", Email = "w2@example.com", Title = "", Grade = 1, Department = "", Location = "", TimeZone = "UTC",
            ManagerEmployeeId = "W1", HireDate = new DateOnly(2026, 2, 1), BirthYear = 2004, Languages = "", Status = PersonStatus.Left,
        },
    ];

    [Fact]
    public async Task PeopleWrittenInBulk_ReadBackThroughEf_FieldForField_AndMatchEfsOwnQueries()
    {
        var written = Sample();
        await _app.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PeopleBulkWriter.Insert(db, written, CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });
        var read = await _app.Query(db => db.People.AsNoTracking().OrderBy(p => p.EmployeeId).ToListAsync());
        Assert.Equal(written.Select(Snapshot), read.Select(Snapshot));

        // Filters run in SQL with EF's own parameters: each finds the row only if it is stored in EF's format.
        var (w1, w2) = (written[0], written[1]);
        Assert.Equal("W1", await _app.Query(db => db.People.Where(p => p.Id == w1.Id && p.Status == PersonStatus.OnLeave
            && p.HireDate == new DateOnly(1999, 12, 31) && p.BirthYear == null && p.ManagerEmployeeId == null).Select(p => p.EmployeeId).SingleAsync()));
        Assert.Equal("W2", await _app.Query(db => db.People.Where(p => p.Id == w2.Id && p.Status == PersonStatus.Left
            && p.HireDate > new DateOnly(2026, 1, 31) && p.BirthYear == 2004 && p.ManagerEmployeeId == "W1").Select(p => p.EmployeeId).SingleAsync()));
        Assert.NotNull(await _app.Query(db => db.People.FindAsync(w2.Id).AsTask()));
    }

    [Fact]
    public async Task APersonAddedMeanwhile_FailsTheWholeBulkWrite_AsAConflict()
    {
        var admin = await Given.AnAdministrator(_app);
        await admin.Applied(Csv(Row("W2")));
        var failure = await _app.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            return await Record.ExceptionAsync(() => PeopleBulkWriter.Insert(db, Sample(), CancellationToken.None));
        });
        Assert.True(failure is DbException e && PeopleBulkWriter.IsConflict(e), failure?.ToString());
        Assert.Equal(["W2"], await _app.Query(db => db.People.Select(p => p.EmployeeId).ToListAsync()));
    }

    [Fact]
    public async Task AThousandRowImport_WritesEveryRow_AndReimportsUnchanged()
    {
        var admin = await Given.AnAdministrator(_app);
        Assert.Equal((1_203, 0, 0, 0), await admin.Applied(Organisation(1_203)));
        var last = await _app.Query(db => db.People.AsNoTracking().SingleAsync(p => p.EmployeeId == "P01203"));
        Assert.Equal(("Person P01203", "P00601", 4, (DateOnly?)new DateOnly(2020, 1, 15), (int?)1995), (last.Name, last.ManagerEmployeeId, last.Grade, last.HireDate, last.BirthYear));
        Assert.Equal((0, 0, 1_203, 0), await admin.Applied(Organisation(1_203)));
    }

    private static string Snapshot(Person p) =>
        string.Join('|', p.Id, p.EmployeeId, p.Name, p.Email, p.Title, p.Grade, p.Department, p.Location, p.TimeZone, p.ManagerEmployeeId ?? "(null)",
            p.HireDate, p.BirthYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(null)", p.Languages, p.Status);
}
