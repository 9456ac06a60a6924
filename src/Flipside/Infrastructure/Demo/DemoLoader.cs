using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Infrastructure.Demo;

public sealed record DemoAccount(string Role, string Email, string Name, string Description);

/// <summary>Loads the demo organisation and one sign-in per role, once per database.</summary>
public static class DemoLoader
{
    public const string DefaultPassword = "flipside-demo-2026";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new(Roles.Administrator, "admin@flipside.demo", "Alex Admin", "runs the installation: people, accounts, outbox"),
        new(Roles.ProgramManager, "manager@flipside.demo", "Priya Programme", "HR: designs programs, enrols, matches"),
        new(Roles.Sponsor, "sponsor@flipside.demo", "Sam Sponsor", "executive sponsor: anonymous outcomes only"),
        new(Roles.Participant, "mentor@flipside.demo", "Maya Mentor", "junior mentor (grade 2)"),
        new(Roles.Participant, "leader@flipside.demo", "Leo Leader", "senior leader being mentored (grade 9)"),
    ];

    public static string? PasswordProblem(string password) =>
        password.Length < 12 ? "use at least 12 characters."
        : CommonPasswordValidator.IsWeak(password) ? "this password is too common; choose a few unrelated words." : null;

    public static async Task LoadOnceAsync(IServiceProvider sp, string password, CancellationToken ct)
    {
        var db = sp.GetRequiredService<FlipsideDb>();
        if (await db.SystemFlags.AnyAsync(f => f.Key == SystemFlag.DemoLoaded, ct))
        {
            await KeepPasswordAsync(sp.GetRequiredService<UserManager<FlipsideUser>>(), password);
            return;
        }
        // The demo publishes its sign-ins and their password, so it never goes into a database someone already uses.
        if (await db.Users.AnyAsync(ct) || await db.People.AnyAsync(ct))
            throw new Startup.StartupException("--demo needs an empty database: this one already has accounts or people. Give the demo its own folder, e.g. --data ./demo-data");
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var people = DemoOrganisation.Generate(DateOnly.FromDateTime(now.UtcDateTime));
        LinkParticipantAccounts(people, DateOnly.FromDateTime(now.UtcDateTime).AddDays(-DemoPrograms.PilotHistoryDays));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.People.AddRange(people);
        db.SystemFlags.Add(new SystemFlag(SystemFlag.DemoLoaded, now));
        if (!await db.SystemFlags.AnyAsync(f => f.Key == SystemFlag.SetupCompleted, ct))
            db.SystemFlags.Add(new SystemFlag(SystemFlag.SetupCompleted, now));
        await db.SaveChangesAsync(ct);

        var users = sp.GetRequiredService<UserManager<FlipsideUser>>();
        foreach (var account in Accounts)
        {
            var user = new FlipsideUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name, CreatedAt = now };
            Check(await users.CreateAsync(user, password), account.Email);
            Check(await users.AddToRoleAsync(user, account.Role), account.Email);
        }
        var manager = await users.FindByEmailAsync(Accounts.Single(a => a.Role == Roles.ProgramManager).Email);
        var asManager = Viewer.Acting(db, manager!.Id, manager.Email!, Roles.ProgramManager);
        await DemoPrograms.AddAsync(db, people, asManager, sp.GetRequiredService<PublicUrl>().Base, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Envelope>(), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The banner prints this run's password, so a demo loaded earlier with another one takes it on.</summary>
    private static async Task KeepPasswordAsync(UserManager<FlipsideUser> users, string password)
    {
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not { } user || await users.CheckPasswordAsync(user, password)) continue;
            Check(await users.RemovePasswordAsync(user), account.Email);
            Check(await users.AddPasswordAsync(user, password), account.Email);
        }
    }

    // The two participant sign-ins and the program manager are people in the directory, so their homes show a real person. The mentor had the
    // program's year of tenure already when the pilot was enrolled, months ago.
    private static void LinkParticipantAccounts(IReadOnlyList<Person> people, DateOnly pilotEnrolled)
    {
        var mentor = people.First(p => p.Grade == 2 && p.Status == PersonStatus.Active && p.TenureMonths(pilotEnrolled) >= 12);
        mentor.Name = "Maya Mentor";
        mentor.Email = "mentor@flipside.demo";
        var leader = people.First(p => p.Grade == 9);
        leader.Name = "Leo Leader";
        leader.Email = "leader@flipside.demo";
        // The program manager works in People & Culture, at a grade no cohort enrols, and outside every leader's reporting
        // line: a manager whom the directory cannot place sees no safety flags at all (decision 0014).
        var manager = people.First(p => p.Department == "People & Culture" && p.Grade is 5 or 6 && p.Status == PersonStatus.Active);
        manager.Name = "Priya Programme";
        manager.Email = "manager@flipside.demo";
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new Startup.StartupException($"Could not create the demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
