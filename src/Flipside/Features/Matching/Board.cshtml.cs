using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Pairings;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Matching;

/// <summary>
/// The review board: run and tune matching, review the proposals with their reasons, decide each pair, pair two
/// people by hand, publish, and look after running pairings. Every change posts back and redirects (PRG); the
/// preview also updates live from a small script, through the same use case as the API.
/// </summary>
public sealed class BoardModel(Viewer viewer, FlipsideDb db, TimeProvider clock, PublicUrl url, IMemoryCache cache) : PageModel
{
    public const int PageSize = 100;

    /// <summary>At most this many people in each of the by-hand lists: a page renders what it shows, and a name narrows the rest.</summary>
    public const int ByHandShown = 100;

    [BindProperty(SupportsGet = true)] public Guid CohortId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary>Part of a name that narrows the by-hand lists.</summary>
    [BindProperty(SupportsGet = true, Name = "free")] public string? FreeName { get; set; }
    [BindProperty] public WeightPresets.Input Weights { get; set; } = new(null, null, null, null, null, null, null);
    [BindProperty] public string? Objective { get; set; }

    public MatchingBoard.Board Board { get; private set; } = null!;
    public IReadOnlyList<MatchingBoard.PairRow> Shown { get; private set; } = [];
    public int Matching { get; private set; }
    public PreviewMatching.Preview? Preview { get; private set; }
    public MatchWeights Current { get; private set; } = new();
    public MatchObjective CurrentObjective { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The preset the form shows as chosen: the one sent back, else the one whose weights the fields hold.</summary>
    public string? ChosenPreset => string.IsNullOrEmpty(Weights.Preset) ? Board.Presets.FirstOrDefault(p => p.Weights == Current)?.Key : Weights.Preset;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Show(ct) ?? Page();

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (RunRequest(out var problem) is not { } request) return await Refused(problem!, ct);
        return await this.Apply(RunMatching.Handle(request, viewer, db, clock, ct, cache), run => Done(
            $"Matching ran: {Words.Count(run.Pairs, "pair")} proposed, total score {run.Total}{(run.ProvenOptimal ? " (proven optimal)" : "")}, " +
            $"{Words.Count(run.Unmatched, "person")} unmatched. Review the pairs below, then approve and publish."), () => ShowPage(ct), prefix: "Weights");
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (RunRequest(out var problem) is not { } request) return await Refused(problem!, ct);
        return await this.Apply(PreviewMatching.Handle(request, viewer, db, ct, cache), async preview =>
        {
            Preview = preview;
            return await ShowPage(ct);
        }, () => ShowPage(ct), prefix: "Weights");
    }

    public Task<IActionResult> OnPostDecideAsync(Guid pairingId, string? decision, int? version, CancellationToken ct) =>
        DecidePairing.TryParse(decision, out var d)
            ? this.ApplyAndRedirect(DecidePairing.Handle(new(CohortId, pairingId, d, version), viewer, db, clock, ct), Decided(d), Back, () => ShowPage(ct))
            : Refused(Outcome.Invalid("decision", "Choose approve, reject, lock or unlock."), ct);

    public Task<IActionResult> OnPostApproveAllAsync(CancellationToken ct) =>
        this.Apply(DecidePairing.ApproveAll(CohortId, viewer, db, clock, ct), n => Done($"{Words.Count(n, "pair")} approved."), () => ShowPage(ct));

    public Task<IActionResult> OnPostByHandAsync(Guid? menteePersonId, Guid? mentorPersonId, CancellationToken ct) =>
        menteePersonId is { } mentee && mentorPersonId is { } mentor
            ? this.Apply(PairByHand.Handle(new(CohortId, mentee, mentor), viewer, db, clock, ct),
                made => Done(made.Warning is null ? "The pair is made, approved and locked." : $"The pair is made, approved and locked. {made.Warning}"),
                () => ShowPage(ct), prefix: "")
            : Refused(Outcome.Invalid("", "Choose both a leader and a mentor to pair."), ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        this.Apply(PublishPairings.Handle(CohortId, viewer, url.Base, db, clock, ct),
            p => Done($"{Words.Count(p.Pairs, "pair")} published: {Words.Count(p.Emails, "introduction email")} on the way."), () => ShowPage(ct));

    public Task<IActionResult> OnPostExitAsync(Guid pairingId, string? action, string? reason, CancellationToken ct) =>
        LeavePairing.TryParse(action, out var exit)
            ? this.ApplyAndRedirect(LeavePairing.AsManager(CohortId, new(pairingId, exit, reason), viewer, url.Base, db, clock, ct),
                $"The pairing is {(exit == PairingExit.Resume ? "active again" : exit == PairingExit.Pause ? "paused" : "ended")}.", Back, () => ShowPage(ct))
            : Refused(Outcome.Invalid("action", "Choose pause, resume or end."), ct);

    public Task<IActionResult> OnPostRematchAsync(Guid? personId, CancellationToken ct) =>
        personId is { } person
            ? this.Apply(ProposeRematch.Handle(new(CohortId, person), viewer, db, clock, ct),
                made => Done($"Proposed: {made.PartnerName} (score {made.Score}). Approve the pair below, then publish it."), () => ShowPage(ct), prefix: "")
            : Refused(Outcome.Invalid("", "Choose whom to rematch."), ct);

    public Task<IActionResult> OnPostKeepAsync(Guid pairingId, string? reason, int? version, CancellationToken ct) =>
        this.ApplyAndRedirect(KeepInReportingLine.Handle(new(CohortId, pairingId, reason, version), viewer, db, clock, ct),
            "The pairing is kept inside the reporting line; your reason is recorded.", Back, () => ShowPage(ct));

    private RunMatching.Request? RunRequest(out Problem? problem)
    {
        problem = null;
        if (!WeightPresets.TryParseObjective(Objective, out var objective))
        {
            problem = Outcome.Invalid("Objective", "Choose most pairs or highest total score.");
            return null;
        }
        var weights = Weights.ToWeights();
        if (!weights.IsOk)
        {
            problem = weights.Problem;
            return null;
        }
        return new RunMatching.Request(CohortId, weights.Value, objective);
    }

    private static string Decided(PairingDecision d) => d switch
    {
        PairingDecision.Approve => "The pair is approved.",
        PairingDecision.Reject => "The pair is rejected: it will not be proposed again in this cohort.",
        PairingDecision.Lock => "The pair is locked: re-runs keep it.",
        _ => "The pair is unlocked.",
    };

    private IActionResult Back() => RedirectToPage("Board", new { cohortId = CohortId, status = Status, q = Q, sort = Sort });

    /// <summary>The free people of one side for the by-hand lists: those whose name holds <see cref="FreeName"/>, the first <see cref="ByHandShown"/>.</summary>
    public (IReadOnlyList<MatchingBoard.FreePerson> Shown, int Matching) FreeToPair(ParticipantRole role)
    {
        var name = FreeName?.Trim() ?? "";
        var matching = Board.Free.Where(u => u.Role == role && (name.Length == 0 || u.Name.Contains(name, StringComparison.OrdinalIgnoreCase))).ToList();
        return ([.. matching.Take(ByHandShown)], matching.Count);
    }

    private IActionResult Done(string message)
    {
        TempData["Status"] = message;
        return Back();
    }

    private async Task<IActionResult> Refused(Problem problem, CancellationToken ct) =>
        await this.Apply(Task.FromResult<Outcome<Done>>(problem), _ => Back(), () => ShowPage(ct), prefix: "Weights");

    private async Task<IActionResult> ShowPage(CancellationToken ct) => await Show(ct) ?? Page();

    private async Task<IActionResult?> Show(CancellationToken ct)
    {
        if (await MatchingBoard.Handle(CohortId, viewer, db, ct) is not { } board) return NotFound();
        Board = board;
        // Before the first run the form starts from the preset suggested for the program.
        (Current, CurrentObjective) = board.Latest is { } run ? (run.Weights, run.Objective) : (board.Suggested.Preset.Weights, MatchObjective.MostPairs);
        IEnumerable<MatchingBoard.PairRow> rows = board.Pairs;
        if (Enum.TryParse<PairingStatus>(Status, ignoreCase: true, out var status)) rows = rows.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(Q))
            rows = rows.Where(p => p.MenteeName.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) || p.MentorName.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase));
        rows = Sort == "score" ? rows.OrderByDescending(p => p.Score) : Sort == "score-asc" ? rows.OrderBy(p => p.Score) : rows;
        var list = rows.ToList();
        Matching = list.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (list.Count + PageSize - 1) / PageSize));
        Shown = [.. list.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        return null;
    }
}
