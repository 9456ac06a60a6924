using Flipside.Data;
using Microsoft.AspNetCore.Identity;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// Refuses a password that contains the account's email name or a word of the person's name, in any case: it is the
/// first thing anyone who knows them would try ("weakperson12345" for weak@example.com). Identity runs every password
/// validator wherever a password is set (setup, invitation acceptance, and any change or reset), so this is the one place.
/// </summary>
public sealed class PersonalPasswordValidator : IPasswordValidator<FlipsideUser>
{
    // Identity's codes that start with "Password" are shown beside the password field (FieldErrors.FromIdentity).
    public const string Code = "PasswordPersonal";
    public const string Description = "This password contains your name or the name in your email address, which anyone who knows you would try first. Choose a few unrelated words.";

    /// <summary>Shorter words ("al", "li") occur by chance in unrelated passwords.</summary>
    private const int ShortestWord = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<FlipsideUser> manager, FlipsideUser user, string? password) =>
        Task.FromResult(!string.IsNullOrEmpty(password) && IsPersonal(password, user.Email, user.DisplayName)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Description })
            : IdentityResult.Success);

    public static bool IsPersonal(string password, string? email, string? name)
    {
        var lower = password.ToLowerInvariant();
        return Words(email, name).Any(w => lower.Contains(w, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Words(string? email, string? name)
    {
        var local = (email ?? "").Split('@')[0].ToLowerInvariant();
        if (local.Length >= ShortestWord) yield return local;
        // "jo.smith+hr" and "Jo Smith" both give "smith"; names are split on anything that is not a letter.
        foreach (var word in Split(local).Concat(Split((name ?? "").ToLowerInvariant())))
            if (word.Length >= ShortestWord) yield return word;
    }

    private static IEnumerable<string> Split(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
