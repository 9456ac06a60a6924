using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>A column absent from the file leaves its field as it is; an empty cell in a column that is present clears it.</summary>
public sealed class ImportColumnsTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string RequiredOnly = "employee_id,name,email,grade,department,time_zone";

    [Fact]
    public async Task RequiredColumnsOnly_KeepTitleLocationManagerLanguagesHireDateBirthYearAndStatus()
    {
        await Admin.Applied(Csv(Row("A1"), Row("A2", manager: "A1", status: "on leave")));

        var counts = await Admin.Applied($"{RequiredOnly}\nA1,Person A1,a1@example.com,3,Engineering,Europe/London\n"
            + "A2,Person A2,a2@example.com,3,Engineering,Europe/London\n");

        Assert.Equal((0, 0, 2, 0), counts);
        var a2 = await Person("A2");
        Assert.Equal(("Engineer", "London", "A1", "en,es"), (a2.Title, a2.Location, a2.ManagerEmployeeId, a2.Languages));
        Assert.Equal(((DateOnly?)new DateOnly(2020, 1, 15), (int?)1995, PersonStatus.OnLeave), (a2.HireDate, a2.BirthYear, a2.Status));
    }

    [Fact]
    public async Task AnEmptyCellInAPresentColumn_ClearsThatFieldOnly()
    {
        await Admin.Applied(Csv(Row("A1"), Row("A2", manager: "A1")));

        var counts = await Admin.Applied($"{RequiredOnly},title,manager_id\nA2,Person A2,a2@example.com,3,Engineering,Europe/London,,\n");

        Assert.Equal((0, 1, 0, 0), counts);
        var a2 = await Person("A2");
        Assert.Equal(("", (string?)null), (a2.Title, a2.ManagerEmployeeId));
        Assert.Equal(("London", "en,es"), (a2.Location, a2.Languages));
    }

    [Fact]
    public async Task ANewPersonInAFileWithoutOptionalColumns_GetsTheDefaults()
    {
        await Admin.Applied($"{RequiredOnly}\nN1,New Person,n1@example.com,4,Sales,Europe/Paris\n");
        var n1 = await Person("N1");
        Assert.Equal(("", "", (string?)null, PersonStatus.Active, (DateOnly?)null), (n1.Title, n1.Location, n1.ManagerEmployeeId, n1.Status, n1.HireDate));
    }

    private Task<Person> Person(string id) => App.Query(db => db.People.AsNoTracking().SingleAsync(p => p.EmployeeId == id));
}
