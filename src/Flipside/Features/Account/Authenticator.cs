using System.Globalization;
using System.Security.Claims;
using Flipside.Data;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Flipside.Features.Account;

/// <summary>What the two-step sign-in pages and use cases share: the key as people read it, the set-up link, the codes (0028).</summary>
public static class Authenticator
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The claim a session carries while its account has two-step sign-in on; the administrators' gate reads it.</summary>
    public const string Claim = "flipside:two_step";

    public const string Issuer = "Flipside";

    /// <summary>The login provider name under which Identity's user store keeps the key and the recovery codes as tokens.</summary>
    public const string StoreProvider = "[AspNetUserStore]";

    public const string WrongCode = "That code is not right. Enter the 6-digit code your authenticator app shows now, or one of your recovery codes.";

    /// <summary>Groups of four, lower case, as most authenticator apps ask for it: easier to type without losing one's place.</summary>
    public static string Readable(string key)
    {
        var lower = key.ToLowerInvariant();
        var groups = Enumerable.Range(0, (lower.Length + 3) / 4).Select(i => lower.Substring(i * 4, Math.Min(4, lower.Length - i * 4)));
        return string.Join(' ', groups);
    }

    /// <summary>The otpauth:// link (Google Authenticator's key-uri format) that a QR code carries.</summary>
    public static string Uri(string email, string key) => string.Create(CultureInfo.InvariantCulture,
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6&period=30");

    /// <summary>SVG markup without style attributes or scripts, so the page's content security policy lets it show inline.</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>Six digits (spaces allowed) are an authenticator code; anything else is tried as a recovery code.</summary>
    public static string? AuthenticatorCode(string typed)
    {
        var digits = new string([.. typed.Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>Recovery codes are shown as XXXXX-XXXXX in capitals; people copy them in any case, with or without the dash.</summary>
    public static string RecoveryCode(string typed)
    {
        var plain = new string([.. typed.Where(c => !char.IsWhiteSpace(c) && c != '-')]).ToUpperInvariant();
        return plain.Length == 10 ? string.Concat(plain.AsSpan(0, 5), "-", plain.AsSpan(5)) : plain;
    }

    /// <summary>Whether what was typed is the app's current code or one unused recovery code (which it then uses up).</summary>
    public static async Task<bool> Accepts(UserManager<FlipsideUser> users, FlipsideUser user, string typed) =>
        AuthenticatorCode(typed) is { } digits
            ? await Verify(users, user, digits)
            : typed.Trim().Length > 0 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, RecoveryCode(typed))).Succeeded;

    public static Task<bool> Verify(UserManager<FlipsideUser> users, FlipsideUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);

    public static bool IsOn(ClaimsPrincipal user) => user.HasClaim(Claim, "on");
}
