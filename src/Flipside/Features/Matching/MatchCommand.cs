using System.CommandLine;
using System.Text.Json;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Flipside.Features.Matching;

/// <summary>
/// <c>flipside match --cohort ID [--objective pairs|score] [--preset KEY] [--publish] [--json]</c>: the same run as the
/// matching board, for automation. With --publish every proposal is approved and published, so use it only when no
/// person needs to review (a pilot's dry rehearsal, a script that reviews the JSON first and then publishes).
/// </summary>
public static class MatchCommand
{
    public static readonly Option<Guid?> Cohort = new("--cohort") { Description = "The cohort's id (from the program page's address or /api/v1/programs/{id}/cohorts)" };
    public static readonly Option<string?> Objective = new("--objective") { Description = "pairs (as many pairs as possible, then the score; the default) or score (the highest total)" };
    public static readonly Option<string?> Preset = new("--preset") { Description = "Weights to start from: " + string.Join(", ", WeightPresets.All.Select(p => p.Key)) + " (default balanced)" };
    public static readonly Option<bool> Publish = new("--publish") { Description = "Approve every proposal and publish: introduction emails go out" };
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON object instead of the table: pairs (mentorEmployeeId, menteeEmployeeId, score), unmatched (employeeId, reasons), total, provenOptimal",
    };

    public static Command Create()
    {
        var match = new Command("match", "Run matching on a cohort and save its proposals for review, as the matching board does") { Cohort, Objective, Preset, Publish, Json };
        match.TreatUnmatchedTokensAsErrors = false; // configuration in the --Section:Key=value form passes through
        match.SetAction((parsed, _) => RunAsync(parsed, FlipsideCli.PassThrough(parsed)));
        return match;
    }

    public sealed record JsonPair(string MentorEmployeeId, string MenteeEmployeeId, long Score);
    public sealed record JsonUnmatched(string EmployeeId, IReadOnlyList<string> Reasons);
    public sealed record JsonResult(IReadOnlyList<JsonPair> Pairs, IReadOnlyList<JsonUnmatched> Unmatched, long Total, bool ProvenOptimal, int Published,
        IReadOnlyList<string> FairnessFlags);

    private const string Usage = "Usage: flipside match --cohort ID [--objective pairs|score] [--preset KEY] [--publish] [--json]";

    public static async Task<int> RunAsync(ParseResult parsed, string[] passThrough)
    {
        if (parsed.GetValue(Cohort) is not { } cohortId)
            return await Fail($"Name the cohort with --cohort ID. {Usage}", FlipsideCli.UsageError);
        if (!WeightPresets.TryParseObjective(parsed.GetValue(Objective), out var objective))
            return await Fail($"--objective is pairs or score. {Usage}", FlipsideCli.UsageError);
        var weights = new WeightPresets.Input(parsed.GetValue(Preset), null, null, null, null, null, null).ToWeights();
        if (weights.Problem is { } badPreset) return await Fail(badPreset.Reason, FlipsideCli.UsageError);
        bool json = parsed.GetValue(Json), publish = parsed.GetValue(Publish);

        return await ServeCommand.RunGuarded(ServeCommand.HostArgs(parsed, passThrough, demo: false, demoPassword: null), async app =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FlipsideDb>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var url = scope.ServiceProvider.GetRequiredService<PublicUrl>();
            var viewer = Viewer.System(db, "cli:match");
            var request = new RunMatching.Request(cohortId, weights.Value, objective);
            var ran = json ? await Outcome.Of(RunMatching.Handle(request, viewer, db, clock, CancellationToken.None))
                : await AnsiConsole.Status().StartAsync("Compiling profiles and solving…", _ => Outcome.Of(RunMatching.Handle(request, viewer, db, clock, CancellationToken.None)));
            if (ran.Problem is { } refused) return await Fail(refused.Reason, 1);
            int published = 0;
            if (publish)
            {
                var approved = await Outcome.Of(DecidePairing.ApproveAll(cohortId, viewer, db, clock, CancellationToken.None));
                var done = approved.IsOk ? await Outcome.Of(PublishPairings.Handle(cohortId, viewer, url.Base, db, clock, CancellationToken.None)) : approved.Problem!;
                if (done.Problem is { } notPublished) return await Fail("The run is saved, but publishing was refused: " + notPublished.Reason, 1);
                published = done.Value.Pairs;
            }
            var result = await Describe(db, ran.Value, published);
            if (json) Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            else Print(result, ran.Value);
            return 0;
        });
    }

    private static async Task<JsonResult> Describe(FlipsideDb db, RunMatching.Summary summary, int published)
    {
        var detail = RunDetail.FromJson(await db.MatchRuns.Where(r => r.Id == summary.RunId).Select(r => r.Detail).SingleAsync());
        var ids = detail.Pairs.SelectMany(p => new[] { p.MenteeId, p.MentorId }).Concat(detail.Unmatched.Select(u => u.PersonId)).Distinct().ToList();
        var employee = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.EmployeeId);
        return new JsonResult(
            [.. detail.Pairs.Select(p => new JsonPair(employee[p.MentorId], employee[p.MenteeId], p.Score))],
            [.. detail.Unmatched.Select(u => new JsonUnmatched(employee[u.PersonId], u.Reasons))],
            summary.Total, summary.ProvenOptimal, published,
            [.. detail.Flagged.Select(g => $"{(g.Side == ParticipantRole.Mentor ? "mentors" : "leaders")} by {g.Dimension.ToLowerInvariant()}: {g.Name}")]);
    }

    private static void Print(JsonResult result, RunMatching.Summary summary)
    {
        var table = new Table().AddColumns("", "");
        table.AddRow("Pairs proposed", summary.Pairs.ToString("N0"));
        table.AddRow("Total score", $"{summary.Total:N0}{(summary.ProvenOptimal ? " (proven optimal)" : "")}");
        table.AddRow("Unmatched", summary.Unmatched.ToString("N0"));
        table.AddRow("Left out (profile not finished, left)", summary.LeftOut.ToString("N0"));
        table.AddRow("Since the previous run", $"{summary.Added:N0} new, {summary.Removed:N0} gone");
        table.AddRow("Fairness flags", result.FairnessFlags.Count == 0 ? "none" : Markup.Escape(string.Join("; ", result.FairnessFlags)));
        if (result.Published > 0) table.AddRow("Published", $"{Words.Count(result.Published, "pair")}, introductions in the outbox");
        AnsiConsole.Write(table);
        foreach (var u in result.Unmatched.Take(20))
            AnsiConsole.MarkupLine($"  unmatched {Markup.Escape(u.EmployeeId)}: {Markup.Escape(string.Join("; ", u.Reasons))}");
        if (result.Unmatched.Count > 20) AnsiConsole.MarkupLine($"  … and {result.Unmatched.Count - 20} more (--json lists them all)");
        if (result.Published == 0) Console.WriteLine("Review the proposals on the matching board, then approve and publish them there.");
    }

    private static async Task<int> Fail(string message, int code)
    {
        await Console.Error.WriteLineAsync(message);
        return code;
    }
}
