using System.Globalization;
using Flipside.LoadBench;

// Load benchmarks that drive a running Flipside over HTTP, as its users would:
//   seed-cohort --data DIR [--leaders 1000] [--mentors 1000]     a cohort ready to match in the demo's first program
//   matching --url URL --cohort ID [--pid PID] [--runs 3] [--previews 20] [--seconds 20] [--concurrency 8]
//   seed-meetings --data DIR [--pairings 1000] [--meetings 12000] [--feed 200]  a running cohort's meetings and one calendar feed
//   seed-health --data DIR [--pairings 5000] [--answers 60000]  a program of that many pairs and pulse answers, for program health
//   stages --data DIR --cohort ID                                where a run's processor time goes, in-process
//   cookie --url URL --email E --password P                      prints a signed-in cookie header for wrk
//   scim-token --data DIR [--name N]                             makes a SCIM token in the app's database and prints it
//   scim --url URL --token T [--users 1000] [--concurrency 8]    an IdP creating then patching that many users over SCIM
var options = Options(args.Skip(1).ToArray());
try
{
    return args.FirstOrDefault() switch
    {
        "seed-cohort" => await CohortSeeder.Seed(options["data"], Int(options, "leaders", 1000), Int(options, "mentors", 1000)),
        "seed-meetings" => await MeetingsSeeder.Seed(options["data"], Int(options, "pairings", 1000), Int(options, "meetings", 12000), Int(options, "feed", 200)),
        "seed-health" => await HealthSeeder.Seed(options["data"], Int(options, "pairings", 5000), Int(options, "answers", 60000)),
        "matching" => await MatchingLoad.Run(options),
        "cookie" => await Session.PrintCookie(options),
        "scim-token" => await ScimLoad.Token(options["data"], options.GetValueOrDefault("name", "Benchmark")),
        "scim" => await ScimLoad.Run(options),
        "stages" => await Stages.Run(options["data"], Guid.Parse(options["cohort"])),
        _ => Usage(),
    };
}
catch (KeyNotFoundException e)
{
    Console.Error.WriteLine($"missing option: {e.Message}");
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: seed-cohort --data DIR [--leaders N] [--mentors N] | seed-meetings --data DIR [--pairings N] [--meetings N] [--feed N] | seed-health --data DIR [--pairings N] [--answers N] | matching --url URL --cohort ID [--pid PID] [--runs N] " +
        "[--previews N] [--seconds N] [--concurrency N] | stages --data DIR --cohort ID | cookie --url URL [--email E] [--password P] " +
        "| scim-token --data DIR [--name N] | scim --url URL --token T [--users N] [--concurrency N]");
    return 2;
}

static int Int(Dictionary<string, string> o, string key, int fallback) =>
    o.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
    return options;
}
