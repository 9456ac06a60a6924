using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Bogus;

// Load data and a latency probe for the people directory:
//   generate --rows 100000 --out people.csv        a deterministic organisation as a people CSV
//   latency --url http://127.0.0.1:5099 --email E --password P [--requests 200] [--search an]
var options = Options(args.Skip(1).ToArray());
return args.FirstOrDefault() switch
{
    "generate" => Generate(int.Parse(options.GetValueOrDefault("rows", "100000"), CultureInfo.InvariantCulture), options["out"]),
    "latency" => await Latency(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate --rows N --out FILE | latency --url URL --email E --password P [--requests N] [--search TEXT]");
    return 2;
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
    return options;
}

// A tree five reports wide: person i reports to person (i + 3) / 5, and grades fall from 10 at the top by one a level.
static int Generate(int rows, string path)
{
    string[] departments = ["Engineering", "Marketing", "Sales", "Finance", "People & Culture", "Operations", "Customer Service", "Data & Analytics"];
    (string City, string Zone, string Languages)[] offices =
    [
        ("London", "Europe/London", "en"), ("Berlin", "Europe/Berlin", "de;en"), ("Paris", "Europe/Paris", "fr;en"),
        ("New York", "America/New_York", "en"), ("Chicago", "America/Chicago", "en;es"), ("Singapore", "Asia/Singapore", "en;zh"),
        ("Tokyo", "Asia/Tokyo", "ja;en"), ("Sydney", "Australia/Sydney", "en"),
    ];
    var f = new Faker("en") { Random = new Randomizer(20261123) };
    using var w = new StreamWriter(path, false, new UTF8Encoding(false));
    w.WriteLine("employee_id,name,email,title,grade,department,location,time_zone,manager_id,hire_date,birth_year,languages,status");
    var depth = new int[rows + 1];
    for (var i = 1; i <= rows; i++)
    {
        depth[i] = i == 1 ? 0 : depth[(i + 3) / 5] + 1;
        var grade = Math.Max(1, 10 - depth[i]);
        var office = f.PickRandom(offices);
        var (first, last) = (f.Name.FirstName(), f.Name.LastName());
        var manager = i == 1 ? "" : $"B{(i + 3) / 5:D6}";
        var hired = new DateOnly(2000, 1, 1).AddDays(f.Random.Int(0, 9000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var status = f.Random.Int(0, 99) switch { 0 => "left", 1 or 2 => "on leave", _ => "active" };
        w.WriteLine(string.Join(',', $"B{i:D6}", $"\"{first} {last}\"", $"{first}.{last}.{i}@example.com".ToLowerInvariant().Replace("'", "", StringComparison.Ordinal),
            $"\"{f.Name.JobTitle()}\"", grade, $"\"{f.PickRandom(departments)}\"", office.City, office.Zone, manager, hired,
            f.Random.Int(1960, 2004), office.Languages, status));
    }
    Console.WriteLine($"{rows} people written to {path}");
    return 0;
}

// Signs in like an API client, then asks for pages of the directory and reports the latency percentiles.
static async Task<int> Latency(Dictionary<string, string> o)
{
    var requests = int.Parse(o.GetValueOrDefault("requests", "200"), CultureInfo.InvariantCulture);
    var search = o.GetValueOrDefault("search", "");
    using var http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = new Uri(o["url"]) };
    var signIn = await http.PostAsJsonAsync("/api/v1/account/sign-in", new { email = o["email"], password = o["password"] });
    if (!signIn.IsSuccessStatusCode)
    {
        Console.Error.WriteLine($"sign-in failed: {(int)signIn.StatusCode}");
        return 1;
    }
    var times = new List<double>(requests);
    var random = new Random(7);
    for (var i = 0; i < requests + 10; i++)
    {
        // Every other request searches; pages are spread over the first 200 so deep offsets are measured too.
        var query = i % 2 == 0 && search.Length > 0 ? $"search={Uri.EscapeDataString(search)}&page={1 + random.Next(5)}" : $"page={1 + random.Next(200)}";
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync($"/api/v1/people?{query}");
        await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET {query} gave {(int)response.StatusCode}");
        if (i >= 10) times.Add(watch.Elapsed.TotalMilliseconds); // the first ten warm the server up
    }
    times.Sort();
    double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
    Console.WriteLine(FormattableString.Invariant($"{times.Count} requests: p50 {At(0.50):F1} ms, p95 {At(0.95):F1} ms, max {times[^1]:F1} ms"));
    return 0;
}
