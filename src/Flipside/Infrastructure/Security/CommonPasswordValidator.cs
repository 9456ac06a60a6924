using System.Collections.Frozen;
using Flipside.Data;
using Microsoft.AspNetCore.Identity;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// Length is the only composition rule (NIST SP 800-63B); instead we refuse passwords that appear in a
/// list of commonly used ones, also when digits or symbols are only tacked on at the end. Passwords made
/// of the person's own name or email are <see cref="PersonalPasswordValidator"/>'s.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<FlipsideUser>
{
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<FlipsideUser> manager, FlipsideUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IsWeak(password)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "This password is too common or too easy to guess. Try a few unrelated words." })
            : IdentityResult.Success);
    }

    public static bool IsWeak(string password)
    {
        var lower = password.ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!@#$%^&*?.-_ ".ToCharArray());
        if (Common.Value.Contains(lower) || (stem.Length > 0 && Common.Value.Contains(stem))) return true;
        if (lower.Distinct().Count() <= 2) return true;
        return false;
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Flipside.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') set.Add(line.Trim().ToLowerInvariant());
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
