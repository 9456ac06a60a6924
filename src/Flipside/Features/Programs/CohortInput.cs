using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Flipside.Features.Programs;

/// <summary>A wave of a program as the cohort form and the API hold it.</summary>
[ValidateNever] // Checked by Normalise, which names each field.
public sealed class CohortInput
{
    public string Name { get; set; } = "";
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int? Capacity { get; set; }
    public bool OpenForApplications { get; set; }

    public static CohortInput From(Cohort c) => new()
    {
        Name = c.Name, StartsOn = c.StartsOn, EndsOn = c.EndsOn, Capacity = c.Capacity, OpenForApplications = c.OpenForApplications,
    };

    public IReadOnlyList<FieldError> Normalise()
    {
        Name = Name?.Trim() ?? "";
        var errors = new List<FieldError>();
        if (Name.Length is 0 or > 200) errors.Add(new(nameof(Name), "Name the cohort (up to 200 characters), e.g. \"Pilot\"."));
        else if (VisibleText.HasHidden(Name)) errors.Add(new(nameof(Name), VisibleText.Message));
        if (StartsOn is null) errors.Add(new(nameof(StartsOn), "Enter the date the cohort starts."));
        else if (!PlausibleDates.Allows(StartsOn.Value)) errors.Add(new(nameof(StartsOn), PlausibleDates.Message));
        if (EndsOn is null) errors.Add(new(nameof(EndsOn), "Enter the date the cohort ends."));
        else if (!PlausibleDates.Allows(EndsOn.Value)) errors.Add(new(nameof(EndsOn), PlausibleDates.Message));
        else if (StartsOn is not null && EndsOn <= StartsOn) errors.Add(new(nameof(EndsOn), Cohort.DatesOutOfOrder));
        if (Capacity is not { } capacity || !Cohort.CapacityRule.Allows(capacity)) errors.Add(new(nameof(Capacity), Cohort.CapacityRule.Message));
        return errors;
    }

    internal void ApplyTo(Cohort c)
    {
        c.Name = Name;
        c.Reschedule(StartsOn!.Value, EndsOn!.Value);
        c.Capacity = Capacity!.Value;
        c.OpenForApplications = OpenForApplications;
    }
}
