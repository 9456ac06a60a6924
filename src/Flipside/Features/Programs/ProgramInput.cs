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
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    public List<ObjectiveInput> Objectives { get; set; } = [];
    public List<string> FocusAreas { get; set; } = [];
    public int CadenceWeeks { get; set; } = 4;
    public int MinutesPerMeeting { get; set; } = 60;
    public int DurationMonths { get; set; } = 6;
    public int DefaultMentorCapacity { get; set; } = 1;
    public string MentorLabel { get; set; } = "mentor";
    public string MenteeLabel { get; set; } = "leader";
    public int MinGradeGap { get; set; } = 2;
    public int MinMentorTenureMonths { get; set; } = 12;
    public bool RequireManagerApproval { get; set; }
    public bool ExcludeSameDepartment { get; set; }

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
        if (Purpose.Length > 4000) errors.Add(new(nameof(Purpose), "Keep the purpose to 4,000 characters."));
        if (Objectives.Count == 0) errors.Add(new(nameof(Objectives), "Add at least one objective with a title: why does this program exist?"));
        for (var i = 0; i < Objectives.Count; i++) errors.AddRange(Objectives[i].Validate($"{nameof(Objectives)}[{i}]", i + 1));
        if (FocusAreas.Count > 20 || FocusAreas.Any(f => f.Length > 100))
            errors.Add(new(nameof(FocusAreas), "Choose up to 20 focus areas, each up to 100 characters."));
        Range(errors, nameof(CadenceWeeks), CadenceWeeks, 1, 12, "Meet every 1 to 12 weeks.");
        Range(errors, nameof(MinutesPerMeeting), MinutesPerMeeting, 15, 240, "A meeting lasts 15 to 240 minutes.");
        Range(errors, nameof(DurationMonths), DurationMonths, 1, MentoringProgram.MaxDurationMonths, "A program runs 1 to 24 months.");
        Range(errors, nameof(DefaultMentorCapacity), DefaultMentorCapacity, 1, 10, "A mentor takes 1 to 10 leaders.");
        if (MentorLabel.Length is 0 or > 60) errors.Add(new(nameof(MentorLabel), "Say what this program calls mentors (up to 60 characters), e.g. \"reverse mentor\"."));
        if (MenteeLabel.Length is 0 or > 60) errors.Add(new(nameof(MenteeLabel), "Say what this program calls mentees (up to 60 characters), e.g. \"leader\"."));
        Range(errors, nameof(MinGradeGap), MinGradeGap, 0, 9, "The grade gap is 0 to 9 grades.");
        Range(errors, nameof(MinMentorTenureMonths), MinMentorTenureMonths, 0, 120, "Minimum tenure is 0 to 120 months.");
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
        p.Eligibility = new EligibilityRules
        {
            MinGradeGap = MinGradeGap,
            MinMentorTenureMonths = MinMentorTenureMonths,
            RequireManagerApproval = RequireManagerApproval,
            ExcludeSameDepartment = ExcludeSameDepartment,
        };
        Rows.Sync(p.Objectives, o => o.Position, Objectives, (input, objective, i) => input.ApplyTo(objective, i));
    }

    private static void Range(List<FieldError> errors, string field, int value, int min, int max, string message)
    {
        if (value < min || value > max) errors.Add(new(field, message));
    }
}
