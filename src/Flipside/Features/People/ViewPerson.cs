using System.Text.Json.Serialization;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>One person's directory entry, their manager and direct reports. Birth year only for administrators.</summary>
public static class ViewPerson
{
    public sealed record Link(Guid Id, string EmployeeId, string Name, string Title, bool Left = false);
    public sealed record Details(
        Guid Id, string EmployeeId, string Name, string Email, string Title, int Grade, string Department, string Location,
        string TimeZone, string? ManagerEmployeeId, Link? Manager, DateOnly? HireDate,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? BirthYear, IReadOnlyList<string> Languages,
        string Status, IReadOnlyList<Link> DirectReports)
    {
        /// <summary>For someone who has left: the people not left who still have them as manager, and need another.</summary>
        public IReadOnlyList<Link> ActiveReportsOfLeaver { get; init; } = [];
        /// <summary>The manager, their manager, and so on up to the top of the organisation.</summary>
        public IReadOnlyList<ReportingChain.Manager> ReportingLine { get; init; } = [];
        /// <summary>Everyone below this person at any depth who has not left.</summary>
        public int PeopleBelow { get; init; }
        /// <summary>Whether an administrator erased the person's data (docs/decisions/0027-erasure.md).</summary>
        public bool Erased { get; init; }
    }

    public const int MaxReportsShown = 200;

    /// <summary>Null when there is no such person or the viewer is not program staff; participants see only their own entry elsewhere.</summary>
    public static async Task<Details?> Handle(Guid id, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (!viewer.IsProgramStaff) return null;
        var showBirthYear = viewer.IsAdministrator;
        var p = await db.People.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var manager = p.ManagerEmployeeId is null ? null : await db.People.Where(m => m.EmployeeId == p.ManagerEmployeeId)
            .Select(m => new Link(m.Id, m.EmployeeId, m.Name, m.Title, m.Status == PersonStatus.Left)).SingleOrDefaultAsync(ct);
        var reports = await db.People.Where(r => r.ManagerEmployeeId == p.EmployeeId).OrderBy(r => r.Name)
            .Select(r => new Link(r.Id, r.EmployeeId, r.Name, r.Title, r.Status == PersonStatus.Left)).Take(MaxReportsShown).ToListAsync(ct);
        return new(p.Id, p.EmployeeId, p.Name, p.Email, p.Title, p.Grade, p.Department, p.Location, p.TimeZone, p.ManagerEmployeeId, manager,
            p.HireDate, showBirthYear ? p.BirthYear : null, p.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries),
            PersonStatusText.Slug(p.Status), reports)
        {
            ActiveReportsOfLeaver = p.Status != PersonStatus.Left ? [] : await db.People
                .Where(r => r.ManagerEmployeeId == p.EmployeeId && r.Status != PersonStatus.Left).OrderBy(r => r.Name)
                .Select(r => new Link(r.Id, r.EmployeeId, r.Name, r.Title)).Take(MaxReportsShown).ToListAsync(ct),
            ReportingLine = await ReportingChain.Above(p.EmployeeId, db, ct),
            PeopleBelow = await ReportingChain.CountBelow(p.EmployeeId, db, ct),
            Erased = p.ErasedAt is not null,
        };
    }
}
