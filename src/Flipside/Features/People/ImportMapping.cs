using System.Text.Json;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Features.People;

public enum NameForm { FirstLast, LastFirst, TwoColumns }
public enum DateFormat { Iso, US, European }
public enum ManagerBy { EmployeeId, Email, Name }

/// <summary>
/// How the columns of one organisation's HR export become Flipside's fields (docs/decisions/0023-import-mapping.md).
/// Columns pairs a field (see <see cref="Fields"/>) with a header of the file; the tables turn a file's values into
/// grades and time zones; matching of headers and values ignores case and surrounding spaces.
/// </summary>
public sealed record ImportMapping
{
    public const string EmployeeId = "employee_id", Name = "name", FirstName = "first_name", LastName = "last_name", Email = "email",
        Grade = "grade", Department = "department", TimeZone = "time_zone", Title = "title", Location = "location", Manager = "manager",
        HireDate = "hire_date", BirthYear = "birth_year", Languages = "languages", Status = "status", TerminationDate = "termination_date";

    public static readonly IReadOnlyList<string> Fields =
        [EmployeeId, Name, FirstName, LastName, Email, Grade, Department, TimeZone, Title, Location, Manager, HireDate, BirthYear, Languages, Status, TerminationDate];

    public Dictionary<string, string> Columns { get; init; } = [];
    public NameForm NameForm { get; init; }
    public DateFormat DateFormat { get; init; }
    public ManagerBy ManagerBy { get; init; }
    /// <summary>Manager values that are not employees (a board, an owner): their people are at the top, on purpose.</summary>
    public List<string> ExternalManagers { get; init; } = [];
    /// <summary>Values of the status column that mean the person has left, and that they are on leave; any other value is active.</summary>
    public List<string> LeftValues { get; init; } = [];
    public List<string> OnLeaveValues { get; init; } = [];
    public Dictionary<string, int> Grades { get; init; } = [];
    public Dictionary<string, string> TimeZones { get; init; } = [];

    public string? ColumnOf(string field) => Columns.TryGetValue(field, out var c) && !string.IsNullOrWhiteSpace(c) ? c.Trim() : null;

    public string DatePattern => DateFormat switch { DateFormat.US => "MM/dd/yyyy", DateFormat.European => "dd.MM.yyyy", _ => "yyyy-MM-dd" };

    public static string Label(string field) => field switch
    {
        EmployeeId => "Employee id",
        Name => "Name",
        FirstName => "First name",
        LastName => "Last name",
        Email => "Email",
        Grade => "Grade",
        Department => "Department",
        TimeZone => "Time zone",
        Title => "Title",
        Location => "Location",
        Manager => "Manager",
        HireDate => "Hire date",
        BirthYear => "Birth year",
        Languages => "Languages",
        Status => "Status",
        TerminationDate => "Termination date",
        _ => field,
    };

    /// <summary>Every required field this mapping leaves without a column, and every column it names that the file lacks.</summary>
    public IReadOnlyList<FieldError> Check(IReadOnlyList<string>? headers)
    {
        var errors = new List<FieldError>();
        string[] names = NameForm == NameForm.TwoColumns ? [FirstName, LastName] : [Name];
        foreach (var field in (string[])[EmployeeId, .. names, Email, Grade, Department, TimeZone])
            if (ColumnOf(field) is null)
                errors.Add(new(field, $"{Label(field)} is required: choose the column of the file that holds it."));
        if (headers is not null)
            foreach (var (field, column) in Columns.Where(c => ColumnOf(c.Key) is not null))
                if (!headers.Any(h => string.Equals(h.Trim(), column.Trim(), StringComparison.OrdinalIgnoreCase)))
                    errors.Add(new(field, $"The file has no column \"{column.Trim()}\" for {Label(field).ToLowerInvariant()}: choose one of its columns ({string.Join(", ", headers)})."));
        foreach (var field in Columns.Keys.Where(f => !Fields.Contains(f)))
            errors.Add(new(field, $"Flipside has no field {field}; the fields are {string.Join(", ", Fields)}."));
        foreach (var (value, grade) in Grades.Where(g => g.Value is < Domain.Person.MinGrade or > Domain.Person.MaxGrade))
            errors.Add(new(Grade, $"The grade table gives \"{value}\" the grade {grade}; grades run from {Domain.Person.MinGrade} to {Domain.Person.MaxGrade}."));
        return errors;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportMapping FromJson(string json) => JsonSerializer.Deserialize<ImportMapping>(json, Json) ?? new();
}

/// <summary>A mapping saved under a name for the organisation, reused by the page, the API and the command line.</summary>
public sealed class SavedImportMapping
{
    public const int MaxNameLength = 100;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; private set; } = "";
    public string Definition { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
    public string SavedBy { get; set; } = "";

    private SavedImportMapping() { }

    public SavedImportMapping(string name) => Name = name;
}

internal sealed class SavedImportMappingConfiguration : IEntityTypeConfiguration<SavedImportMapping>
{
    public void Configure(EntityTypeBuilder<SavedImportMapping> b)
    {
        b.ToTable("ImportMappings");
        b.Property(m => m.Name).HasMaxLength(SavedImportMapping.MaxNameLength).IsRequired();
        b.HasIndex(m => m.Name).IsUnique();
        b.Property(m => m.Definition).IsRequired();
        b.Property(m => m.SavedBy).HasMaxLength(450).IsRequired();
    }
}
