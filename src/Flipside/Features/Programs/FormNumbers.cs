using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Flipside.Features.Programs;

/// <summary>
/// The only errors model binding leaves on these forms are values that are not numbers or dates (the use cases
/// check everything else); MVC's wording ("The value 'x' is not valid for Target.") is replaced with one a person can act on.
/// </summary>
public static class FormNumbers
{
    public static void Explain(ModelStateDictionary modelState)
    {
        foreach (var (key, entry) in modelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!)).ToList())
        {
            entry.Errors.Clear();
            var message = key.EndsWith("On", StringComparison.Ordinal)
                ? "Enter a date such as 2027-01-31."
                : $"Enter a number here{(entry.AttemptedValue is { Length: > 0 } v ? $"; \"{v}\" is not one" : "")}.";
            modelState.AddModelError(key, message);
        }
    }
}
