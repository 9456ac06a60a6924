using System.Text.Json;
using Flipside.Domain;

namespace Flipside.Features.Surveys;

/// <summary>
/// How a survey response or a pulse waits in <see cref="HeldAnswer"/>: the answer as JSON, turned back into the stored
/// row when <see cref="ReleaseHeldAnswers"/> moves it (decision 0014).
/// </summary>
public static class HeldAnswers
{
    private sealed record SurveyPayload(ParticipantRole Role, List<SurveyAnswer> Answers, string? Comment);

    private sealed record PulsePayload(Guid CohortId, ParticipantRole Role, int Useful, int? SpokeOpenly);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static HeldAnswer Hold(SurveyResponse r, Guid programId) =>
        new(programId, r.SurveyId, null, r.Pseudonym, JsonSerializer.Serialize(new SurveyPayload(r.Role, r.Answers, r.Comment), Options));

    public static HeldAnswer Hold(PulseAnswer p) =>
        new(p.ProgramId, null, p.Month, p.Pseudonym, JsonSerializer.Serialize(new PulsePayload(p.CohortId, p.Role, p.Useful, p.SpokeOpenly), Options));

    public static SurveyResponse Response(HeldAnswer h)
    {
        var p = JsonSerializer.Deserialize<SurveyPayload>(h.Payload, Options)!;
        return new(h.SurveyId!.Value, h.Pseudonym, p.Role, p.Answers, p.Comment);
    }

    public static PulseAnswer Pulse(HeldAnswer h)
    {
        var p = JsonSerializer.Deserialize<PulsePayload>(h.Payload, Options)!;
        return new(h.ProgramId, p.CohortId, h.Pseudonym, p.Role, h.Month!.Value, p.Useful, p.SpokeOpenly);
    }

    /// <summary>A stored row again, under a new random id, to be written anew in a shuffled batch.</summary>
    public static SurveyResponse Copy(SurveyResponse r) =>
        new(r.SurveyId, r.Pseudonym, r.Role, r.Answers.Select(a => new SurveyAnswer { Key = a.Key, Value = a.Value }), r.Comment);

    public static PulseAnswer Copy(PulseAnswer p) => new(p.ProgramId, p.CohortId, p.Pseudonym, p.Role, p.Month, p.Useful, p.SpokeOpenly);
}
