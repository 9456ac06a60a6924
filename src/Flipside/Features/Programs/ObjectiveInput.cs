using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Flipside.Features.Programs;

[ValidateNever]
public sealed class ObjectiveInput
{
    public const int MaxMeasures = 10;

    public string Title { get; set; } = "";
    [MaxItems(MaxMeasures)]
    public List<MeasureInput> Measures { get; set; } = [];

    internal bool IsBlank => Title.Length == 0 && Measures.Count == 0;

    internal ObjectiveInput Normalised()
    {
        Title = Title?.Trim() ?? "";
        Measures = [.. (Measures ?? []).Where(m => m is not null).Select(m => m.Normalised()).Where(m => !m.IsBlank)];
        return this;
    }

    internal IEnumerable<FieldError> Validate(string field, int number)
    {
        if (Title.Length is 0 or > 300) yield return new($"{field}.{nameof(Title)}", $"Give objective {number} a title (up to 300 characters).");
        else if (VisibleText.HasHidden(Title)) yield return new($"{field}.{nameof(Title)}", VisibleText.Message);
        if (Measures.Count > MaxMeasures) yield return new($"{field}.{nameof(Measures)}", $"Keep to {MaxMeasures} measures for objective {number}.");
        if (Measures.Count == 0) yield return new($"{field}.{nameof(Measures)}", $"Add at least one measure to objective {number}, so you can show later whether it worked.");
        for (var i = 0; i < Measures.Count; i++)
            foreach (var e in Measures[i].Validate($"{field}.{nameof(Measures)}[{i}]", $"measure {i + 1} of objective {number}"))
                yield return e;
    }

    internal void ApplyTo(Objective objective, int position)
    {
        objective.Position = position;
        objective.Title = Title;
        Rows.Sync(objective.Measures, m => m.Position, Measures, (input, measure, i) => input.ApplyTo(measure, i));
    }
}

/// <summary>How success is shown later, e.g. "Leaders using the collaboration tool weekly", % from 35 to 70.</summary>
[ValidateNever]
public sealed class MeasureInput
{
    // Well inside the column's precision on both databases.
    private const decimal Limit = 1_000_000_000m;

    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public string Method { get; set; } = "";
    public string Timing { get; set; } = "";
    /// <summary>Where the impact report takes the current value from; by hand unless chosen.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MeasureSource>))]
    public MeasureSource Source { get; set; } = MeasureSource.Manual;
    /// <summary>The final survey's scale, when <see cref="Source"/> is a survey scale.</summary>
    public string Scale { get; set; } = "";

    internal bool IsBlank => Name.Length == 0 && Unit.Length == 0 && Baseline is null && Target is null && Method.Length == 0 && Timing.Length == 0;

    internal MeasureInput Normalised()
    {
        Name = Name?.Trim() ?? "";
        Unit = Unit?.Trim() ?? "";
        Method = Method?.Trim() ?? "";
        Timing = Timing?.Trim() ?? "";
        Scale = Scale?.Trim() ?? "";
        return this;
    }

    internal IEnumerable<FieldError> Validate(string field, string which)
    {
        if (Name.Length is 0 or > 300) yield return new($"{field}.{nameof(Name)}", $"Name {which} (up to 300 characters).");
        else if (VisibleText.HasHidden(Name)) yield return new($"{field}.{nameof(Name)}", VisibleText.Message);
        if (Target is not { } target || Math.Abs(target) > Limit) yield return new($"{field}.{nameof(Target)}", $"Enter a number as the target of {which}.");
        if (Baseline is { } baseline && Math.Abs(baseline) > Limit) yield return new($"{field}.{nameof(Baseline)}", $"Enter a smaller number as the baseline of {which}.");
        if (Unit.Length > 40) yield return new($"{field}.{nameof(Unit)}", $"Keep the unit of {which} to 40 characters.");
        if (Method.Length > 500) yield return new($"{field}.{nameof(Method)}", $"Keep how {which} is measured to 500 characters.");
        if (Timing.Length > 200) yield return new($"{field}.{nameof(Timing)}", $"Keep when {which} is measured to 200 characters.");
        if (!Enum.IsDefined(Source)) yield return new($"{field}.{nameof(Source)}", $"Choose where the value of {which} comes from.");
        if (Source == MeasureSource.SurveyScale && Scale.Length is 0 or > 100)
            yield return new($"{field}.{nameof(Scale)}", $"Name the final survey's scale that {which} takes its value from (up to 100 characters).");
    }

    internal void ApplyTo(Measure measure, int position)
    {
        measure.Position = position;
        measure.Name = Name;
        measure.Unit = Unit;
        measure.Baseline = Baseline;
        measure.Target = Target!.Value;
        measure.Method = Method;
        measure.Timing = Timing;
        measure.Source = Source;
        measure.Scale = Source == MeasureSource.SurveyScale ? Scale : "";
    }
}
