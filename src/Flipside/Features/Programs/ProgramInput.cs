using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Flipside.Features.Programs;

/// <summary>
/// Everything a program manager decides about a program, as the edit form, the API and the templates hold it.
/// Mutable with defaults so the same shape binds from a form, from JSON and from a template.
/// </summary>
[ValidateNever] // Checked by Normalise, which names each field; MVC would add its own "required" messages.
public sealed class ProgramInput
{
    public const int MaxObjectives = 20;
    public const int MaxFocusAreas = 20;

    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    [MaxItems(MaxObjectives)]
    public List<ObjectiveInput> Objectives { get; set; } = [];
    [MaxItems(MaxFocusAreas)]
    public List<string> FocusAreas { get; set; } = [];
    public int CadenceWeeks { get; set; } = MentoringProgram.DefaultCadenceWeeks;
    public int MinutesPerMeeting { get; set; } = MentoringProgram.DefaultMinutesPerMeeting;
    public int DurationMonths { get; set; } = MentoringProgram.DefaultDurationMonths;
    public int DefaultMentorCapacity { get; set; } = MentoringProgram.DefaultCapacity;
    public string MentorLabel { get; set; } = MentoringProgram.DefaultMentorLabel;
    public string MenteeLabel { get; set; } = MentoringProgram.DefaultMenteeLabel;
    public int MinGradeGap { get; set; } = EligibilityRules.DefaultMinGradeGap;
    public int MinMentorTenureMonths { get; set; } = EligibilityRules.DefaultMinMentorTenureMonths;
    public bool RequireManagerApproval { get; set; }
    public bool ExcludeSameDepartment { get; set; }
    /// <summary>Who writes first once a pair is introduced: "mentee" (the leader, by default, so the junior never has to reach up) or "mentor".</summary>
    public string FirstContactBy { get; set; } = Contact(ParticipantRole.Mentee);
    // By name on the wire in both directions, so .NET clients that serialise this type with default options send
    // "SelfMatching" rather than a number; a number that names no mode is refused by Normalise.
    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MatchingMode>))]
    public MatchingMode MatchingMode { get; set; } = MatchingMode.Managed;
    public int AnswerDays { get; set; } = MentoringProgram.DefaultAnswerDays;
    public int RankingDays { get; set; } = MentoringProgram.DefaultRankingDays;
    /// <summary>k: no survey aggregate from fewer respondents. Each survey fixes it when it opens.</summary>
    public int AnonymityThreshold { get; set; } = Anonymity.DefaultThreshold;
    /// <summary>Months after a pairing ends before its private notes and messages are deleted; empty keeps them.</summary>
    public int? RetentionMonths { get; set; }
    /// <summary>The language of the reminders and nudges participants get: "en", "de", "fr" or "es".</summary>
    public string Language { get; set; } = ProgramLanguages.Default;

    public static ProgramInput From(MentoringProgram p) => new()
    {
        Name = p.Name,
        Purpose = p.Purpose,
        Objectives = [.. p.Objectives.OrderBy(o => o.Position).Select(o => new ObjectiveInput
        {
            Title = o.Title,
            Measures = [.. o.Measures.OrderBy(m => m.Position).Select(m => new MeasureInput
            {
                Name = m.Name, Unit = m.Unit, Baseline = m.Baseline, Target = m.Target, Method = m.Method, Timing = m.Timing,
                Source = m.Source, Scale = m.Scale,
            })],
        })],
        FocusAreas = [.. p.FocusAreas],
        CadenceWeeks = p.CadenceWeeks,
        MinutesPerMeeting = p.MinutesPerMeeting,
        DurationMonths = p.DurationMonths,
        DefaultMentorCapacity = p.DefaultMentorCapacity,
        MentorLabel = p.MentorLabel,
        MenteeLabel = p.MenteeLabel,
        MinGradeGap = p.Eligibility.MinGradeGap,
        MinMentorTenureMonths = p.Eligibility.MinMentorTenureMonths,
        RequireManagerApproval = p.Eligibility.RequireManagerApproval,
        ExcludeSameDepartment = p.Eligibility.ExcludeSameDepartment,
        FirstContactBy = Contact(p.FirstContactBy),
        MatchingMode = p.MatchingMode,
        AnswerDays = p.AnswerDays,
        RankingDays = p.RankingDays,
        AnonymityThreshold = p.AnonymityThreshold,
        RetentionMonths = p.RetentionMonths,
        Language = p.Language,
    };

    private static string Contact(ParticipantRole role) => role == ParticipantRole.Mentor ? "mentor" : "mentee";

    private static ParticipantRole? ParseContact(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "mentee" => ParticipantRole.Mentee,
        "mentor" => ParticipantRole.Mentor,
        _ => null,
    };

    /// <summary>
    /// Rows a person added and left empty are dropped rather than reported: an untouched "add measure" row
    /// is not a mistake. Everything else is checked, and each problem names its field.
    /// </summary>
    public IReadOnlyList<FieldError> Normalise()
    {
        Name = Name?.Trim() ?? "";
        Purpose = Purpose?.Trim() ?? "";
        MentorLabel = MentorLabel?.Trim() ?? "";
        MenteeLabel = MenteeLabel?.Trim() ?? "";
        Objectives = [.. (Objectives ?? []).Where(o => o is not null).Select(o => o.Normalised()).Where(o => !o.IsBlank)];
        FocusAreas = [.. (FocusAreas ?? []).Select(f => f?.Trim() ?? "").Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

        var errors = new List<FieldError>();
        if (Name.Length is 0 or > 200) errors.Add(new(nameof(Name), "Enter the program's name (up to 200 characters)."));
        else if (VisibleText.HasHidden(Name)) errors.Add(new(nameof(Name), VisibleText.Message));
        foreach (var (field, text) in new[] { (nameof(MentorLabel), MentorLabel), (nameof(MenteeLabel), MenteeLabel) }.Concat(FocusAreas.Select((f, i) => ($"{nameof(FocusAreas)}[{i}]", f))))
            if (VisibleText.HasHidden(text)) errors.Add(new(field, VisibleText.Message));
        if (Purpose.Length > 4000) errors.Add(new(nameof(Purpose), "Keep the purpose to 4,000 characters."));
        if (Objectives.Count == 0) errors.Add(new(nameof(Objectives), "Add at least one objective with a title: why does this program exist?"));
        if (Objectives.Count > MaxObjectives) errors.Add(new(nameof(Objectives), $"Keep to {MaxObjectives} objectives; a program with more has no focus."));
        for (var i = 0; i < Objectives.Count; i++) errors.AddRange(Objectives[i].Validate($"{nameof(Objectives)}[{i}]", i + 1));
        if (FocusAreas.Count > 20 || FocusAreas.Any(f => f.Length > 100))
            errors.Add(new(nameof(FocusAreas), "Choose up to 20 focus areas, each up to 100 characters."));
        Check(errors, nameof(CadenceWeeks), CadenceWeeks, MentoringProgram.CadenceRule);
        Check(errors, nameof(MinutesPerMeeting), MinutesPerMeeting, MentoringProgram.MinutesRule);
        Check(errors, nameof(DurationMonths), DurationMonths, MentoringProgram.DurationRule);
        Check(errors, nameof(DefaultMentorCapacity), DefaultMentorCapacity, MentoringProgram.CapacityRule);
        if (MentorLabel.Length is 0 or > 60) errors.Add(new(nameof(MentorLabel), "Say what this program calls mentors (up to 60 characters), e.g. \"reverse mentor\"."));
        if (MenteeLabel.Length is 0 or > 60) errors.Add(new(nameof(MenteeLabel), "Say what this program calls mentees (up to 60 characters), e.g. \"leader\"."));
        Check(errors, nameof(MinGradeGap), MinGradeGap, EligibilityRules.GradeGapRule);
        Check(errors, nameof(MinMentorTenureMonths), MinMentorTenureMonths, EligibilityRules.TenureRule);
        if (ParseContact(FirstContactBy) is { } contact) FirstContactBy = Contact(contact);
        else errors.Add(new(nameof(FirstContactBy), "Say who makes first contact: \"mentee\" (the leader) or \"mentor\"."));
        if (!Enum.IsDefined(MatchingMode)) errors.Add(new(nameof(MatchingMode), "Choose how pairs are made: Managed, SelfMatching or RankedChoice."));
        Check(errors, nameof(AnswerDays), AnswerDays, MentoringProgram.AnswerDaysRule);
        Check(errors, nameof(RankingDays), RankingDays, MentoringProgram.RankingDaysRule);
        Check(errors, nameof(AnonymityThreshold), AnonymityThreshold, Anonymity.ThresholdRule);
        if (RetentionMonths is { } months) Check(errors, nameof(RetentionMonths), months, MentoringProgram.RetentionRule);
        Language = string.IsNullOrWhiteSpace(Language) ? ProgramLanguages.Default : Language.Trim().ToLowerInvariant();
        if (!ProgramLanguages.IsKnown(Language))
            errors.Add(new(nameof(Language), $"Choose the language of the program's reminders: {string.Join(", ", ProgramLanguages.All.Select(l => $"\"{l.Code}\" ({l.Name})"))}."));
        return errors;
    }

    public void ApplyTo(MentoringProgram p)
    {
        p.Name = Name;
        p.Purpose = Purpose;
        p.FocusAreas = [.. FocusAreas];
        p.CadenceWeeks = CadenceWeeks;
        p.MinutesPerMeeting = MinutesPerMeeting;
        p.DurationMonths = DurationMonths;
        p.DefaultMentorCapacity = DefaultMentorCapacity;
        p.MentorLabel = MentorLabel;
        p.MenteeLabel = MenteeLabel;
        p.FirstContactBy = ParseContact(FirstContactBy) ?? ParticipantRole.Mentee;
        p.Eligibility = new EligibilityRules
        {
            MinGradeGap = MinGradeGap,
            MinMentorTenureMonths = MinMentorTenureMonths,
            RequireManagerApproval = RequireManagerApproval,
            ExcludeSameDepartment = ExcludeSameDepartment,
        };
        p.MatchingMode = MatchingMode;
        p.AnswerDays = AnswerDays;
        p.RankingDays = RankingDays;
        p.AnonymityThreshold = AnonymityThreshold;
        p.RetentionMonths = RetentionMonths;
        p.Language = Language;
        Rows.Sync(p.Objectives, o => o.Position, Objectives, (input, objective, i) => input.ApplyTo(objective, i));
    }

    private static void Check(List<FieldError> errors, string field, int value, IntRule rule)
    {
        if (!rule.Allows(value)) errors.Add(new(field, rule.Message));
    }
}
