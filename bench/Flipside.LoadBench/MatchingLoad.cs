using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Flipside.LoadBench;

/// <summary>
/// The three matching figures of the matching issue, from a program manager's side of the wire: a run from the
/// database to the saved review board, a preview after a weight change (warm), and the review board page under
/// concurrent managers. With --pid, the server's processor time (from /proc) is reported beside the wall clock.
/// </summary>
public static class MatchingLoad
{
    public static async Task<int> Run(Dictionary<string, string> o)
    {
        var cohort = Guid.Parse(o["cohort"]);
        var pid = o.TryGetValue("pid", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : (int?)null;
        int Int(string key, int fallback) => o.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var (http, _) = await Session.SignIn(o["url"], o.GetValueOrDefault("email", "manager@flipside.demo"), o.GetValueOrDefault("password", Session.DemoPassword));
        using var client = http;
        var api = $"/api/v1/cohorts/{cohort}/matching";

        var runs = new List<double>();
        var runCpu = new List<double>();
        JsonElement summary = default;
        for (var i = 0; i < Int("runs", 3); i++)
        {
            var (ms, cpu, body) = await Timed(pid, () => client.PostAsJsonAsync($"{api}/runs", new { objective = "pairs", preset = "balanced" }));
            runs.Add(ms);
            runCpu.Add(cpu);
            summary = body;
        }
        Report("run from the database to the saved board", runs, runCpu);
        Console.WriteLine($"  last run: {summary}");

        // Alternate between two weights so that every preview solves a changed problem; the first two warm up.
        var previews = new List<double>();
        var previewCpu = new List<double>();
        var serverMs = new List<double>();
        for (var i = 0; i < Int("previews", 20) + 2; i++)
        {
            var (ms, cpu, body) = await Timed(pid, () => client.PostAsJsonAsync($"{api}/preview",
                new { objective = "pairs", preset = "balanced", complementarity = i % 2 == 0 ? 6 : 9, sharedInterests = i % 2 == 0 ? 4 : 2 }));
            if (i < 2) continue;
            previews.Add(ms);
            previewCpu.Add(cpu);
            serverMs.Add(body.GetProperty("elapsedMilliseconds").GetDouble());
        }
        Report("preview after a weight change (warm)", previews, previewCpu);
        Console.WriteLine(FormattableString.Invariant($"  server's own figure: median {Percentile(serverMs, 0.5):F0} ms"));

        await Board(client, $"/Matching/Board?cohortId={cohort}", Int("concurrency", 8), TimeSpan.FromSeconds(Int("seconds", 20)), pid);
        return 0;
    }

    private static async Task Board(HttpClient client, string page, int concurrency, TimeSpan duration, int? pid)
    {
        for (var i = 0; i < 3; i++) (await client.GetAsync(page)).EnsureSuccessStatusCode(); // warm-up
        var times = new List<double>();
        var cpuBefore = Cpu(pid);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(page);
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                mine.Add(watch.Elapsed.TotalMilliseconds);
            }
            return mine;
        }).ToArray();
        foreach (var list in await Task.WhenAll(workers)) times.AddRange(list);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = Cpu(pid) - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"review board page, {concurrency} concurrent managers for {seconds:F0} s: {times.Count / seconds:F1} pages/s, p50 {Percentile(times, 0.5):F0} ms, " +
            $"p95 {Percentile(times, 0.95):F0} ms, p99 {Percentile(times, 0.99):F0} ms{(pid is null ? "" : string.Create(CultureInfo.InvariantCulture, $", server CPU {cpu / times.Count:F1} ms a page"))}"));
    }

    private static async Task<(double Ms, double Cpu, JsonElement Body)> Timed(int? pid, Func<Task<HttpResponseMessage>> send)
    {
        var cpu = Cpu(pid);
        var watch = Stopwatch.StartNew();
        using var response = await send();
        var text = await response.Content.ReadAsStringAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}: {text}");
        return (ms, Cpu(pid) - cpu, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static void Report(string what, List<double> wall, List<double> cpu) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {wall.Count} reps, wall median {Percentile(wall, 0.5):F0} ms (min {wall.Min():F0}, p95 {Percentile(wall, 0.95):F0}, max {wall.Max():F0})") +
        (cpu.Any(c => c > 0) ? string.Create(CultureInfo.InvariantCulture, $", server CPU median {Percentile(cpu, 0.5):F0} ms") : ""));

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    // utime + stime of the server process, in milliseconds (the kernel counts in ticks of 1/100 s on Linux).
    private static double Cpu(int? pid)
    {
        if (pid is null) return 0;
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }
}
