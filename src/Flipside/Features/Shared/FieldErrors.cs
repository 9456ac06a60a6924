using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Flipside.Features.Shared;

/// <summary>A problem with one input, named so a page can show it beside the field and an API can name it.</summary>
public sealed record FieldError(string Field, string Message);

public static class FieldErrors
{
    public static IReadOnlyList<FieldError> None { get; } = [];

    /// <summary>Identity reports its errors by code; this puts each beside the field a person would fix.</summary>
    public static IEnumerable<FieldError> FromIdentity(IdentityResult result) => result.Errors.Select(e => new FieldError(
        e.Code switch
        {
            _ when e.Code.StartsWith("Password", StringComparison.Ordinal) || e.Code == "CommonPassword" => "Password",
            "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "Email",
            _ => "",
        },
        e.Code is "DuplicateUserName" or "DuplicateEmail" ? "An account with this email already exists." : e.Description));

    public static void AddTo(this IEnumerable<FieldError> errors, ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var e in errors)
            modelState.AddModelError(e.Field.Length == 0 || prefix.Length == 0 ? e.Field : $"{prefix}.{e.Field}", e.Message);
    }

    /// <summary>Errors keyed as the API's JSON spells the field: "objectives[0].title", "filter.minGrade".</summary>
    public static Dictionary<string, string[]> ToDictionary(this IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field.Length == 0 ? "request" : string.Join('.', e.Field.Split('.').Select(CamelCase)))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 256 && System.Net.Mail.MailAddress.TryCreate(value, out var a) && a.Address == value.Trim();
}
