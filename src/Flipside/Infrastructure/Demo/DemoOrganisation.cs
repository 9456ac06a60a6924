using Bogus;
using Flipside.Domain;
using Person = Flipside.Domain.Person;

namespace Flipside.Infrastructure.Demo;

/// <summary>
/// A deterministic organisation of about 300 people: one chief executive, eight departments, a tree six
/// levels deep with grades 10 (executive) to 1 (entry), three regions and four generations.
/// </summary>
public static class DemoOrganisation
{
    public const int Seed = 20261123;

    private static readonly string[] Departments =
        ["Engineering", "Marketing", "Sales", "Finance", "People & Culture", "Operations", "Customer Service", "Data & Analytics"];

    private static readonly (string City, string TimeZone, string Languages)[] Offices =
    [
        ("London", "Europe/London", "en"), ("Berlin", "Europe/Berlin", "de,en"), ("Paris", "Europe/Paris", "fr,en"),
        ("New York", "America/New_York", "en"), ("Chicago", "America/Chicago", "en,es"), ("San Francisco", "America/Los_Angeles", "en,es"),
        ("Singapore", "Asia/Singapore", "en,zh"), ("Sydney", "Australia/Sydney", "en"), ("Tokyo", "Asia/Tokyo", "ja,en"),
    ];

    // Level in the tree → (grade range, title pattern, how many reports each holder has).
    private static readonly (int MinGrade, int MaxGrade, string Title, int Reports)[] Levels =
    [
        (10, 10, "Chief Executive Officer", 8),
        (9, 9, "Chief {0} Officer", 2),
        (7, 8, "Director of {0}", 2),
        (5, 6, "{0} Manager", 2),
        (3, 4, "{0} Team Lead", 3),
        (1, 3, "{0} Associate", 0),
    ];

    public static IReadOnlyList<Person> Generate(DateOnly today, int size = 300)
    {
        var faker = new Faker("en") { Random = new Randomizer(Seed) };
        var people = new List<Person>(size);
        var ceo = NewPerson(faker, people, 0, "Executive Office", null, today);
        var frontier = new List<Person>();
        for (var d = 0; d < Departments.Length; d++)
            frontier.Add(NewPerson(faker, people, 1, Departments[d], ceo, today));
        for (var level = 2; level < Levels.Length && people.Count < size; level++)
        {
            var next = new List<Person>();
            foreach (var manager in frontier)
            {
                var reports = level == Levels.Length - 1 ? faker.Random.Int(2, 4) : Levels[level - 1].Reports;
                for (var r = 0; r < reports && people.Count < size; r++)
                    next.Add(NewPerson(faker, people, level, manager.Department, manager, today));
            }
            frontier = next;
        }
        // Fill to the requested size with more entry-level people under the team leads.
        var leads = people.Where(p => p.Grade is 3 or 4 && p.Title.EndsWith("Team Lead", StringComparison.Ordinal)).ToList();
        while (people.Count < size && leads.Count > 0)
        {
            var lead = leads[people.Count % leads.Count];
            NewPerson(faker, people, Levels.Length - 1, lead.Department, lead, today);
        }
        return people;
    }

    private static Person NewPerson(Faker f, List<Person> people, int level, string department, Person? manager, DateOnly today)
    {
        var (minGrade, maxGrade, title, _) = Levels[level];
        var office = manager is not null && f.Random.Bool(0.6f)
            ? Offices.First(o => o.City == manager.Location)
            : f.PickRandom(Offices);
        var first = f.Name.FirstName();
        var last = f.Name.LastName();
        var grade = f.Random.Int(minGrade, maxGrade);
        // Seniors were born earlier: Baby Boomers and Gen X lead, Millennials and Gen Z are closer to entry level.
        var birthYear = grade >= 7 ? f.Random.Int(1958, 1980) : grade >= 4 ? f.Random.Int(1975, 1994) : f.Random.Int(1990, 2003);
        var tenureYears = grade >= 7 ? f.Random.Int(3, 25) : grade >= 4 ? f.Random.Int(2, 12) : f.Random.Int(0, 4);
        var hire = today.AddDays(-(tenureYears * 365 + f.Random.Int(30, 360)));
        var person = new Person($"E{people.Count + 1:D5}")
        {
            Name = $"{first} {last}",
            Email = $"{Slug(first)}.{Slug(last)}{people.Count + 1}@flipside.demo",
            Title = string.Format(System.Globalization.CultureInfo.InvariantCulture, title, ShortName(department)),
            Grade = grade,
            Department = department,
            Location = office.City,
            TimeZone = office.TimeZone,
            ManagerEmployeeId = manager?.EmployeeId,
            HireDate = hire,
            BirthYear = birthYear,
            Languages = office.Languages,
            Status = f.Random.Bool(0.03f) ? PersonStatus.OnLeave : PersonStatus.Active,
        };
        people.Add(person);
        return person;
    }

    private static string ShortName(string department) => department switch
    {
        "People & Culture" => "People",
        "Data & Analytics" => "Data",
        _ => department,
    };

    private static string Slug(string s) => new string(s.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray());
}
