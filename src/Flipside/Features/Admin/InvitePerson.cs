using System.Net;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Admin;

/// <summary>
/// An administrator invites a person by email. The invitation and its email are saved together, so
/// there is never an invitation without its message or a message without its invitation.
/// </summary>
public static class InvitePerson
{
    public sealed record Request(string Email, string Name, string Role);

    public sealed record Invited(Guid Id, DateTimeOffset ExpiresAt);

    public static async Task<Outcome<Invited>> Handle(Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (viewer.RequireAdministrator("invite people to Flipside") is { } refused) return refused;
        var email = r.Email?.Trim() ?? "";
        var errors = new List<FieldError>();
        if (!FieldErrors.IsEmail(email)) errors.Add(new("Email", "Enter an email address such as name@example.com."));
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200) errors.Add(new("Name", "Enter the person's name (up to 200 characters)."));
        else if (VisibleText.HasHidden(r.Name)) errors.Add(new("Name", VisibleText.Message));
        if (!Roles.IsKnown(r.Role ?? "")) errors.Add(new("Role", $"Choose one of: {string.Join(", ", Roles.All)}."));
        if (errors.Count == 0 && await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct))
            errors.Add(new("Email", "An account with this email already exists."));
        if (errors.Count > 0) return Outcome.Invalid(errors);

        var now = clock.GetUtcNow();
        var invitation = await Issue(db, email, r.Name!.Trim(), r.Role!, viewer.UserId, baseUrl, now, sendEmail: true, ct);
        db.Record(viewer, now, "account.invited", "Invitation", invitation.Invitation.Id, $"{email} as {Roles.Describe(r.Role!)}");
        await db.SaveChangesAsync(ct);
        return new Invited(invitation.Invitation.Id, invitation.Invitation.ExpiresAt);
    }

    public sealed record Issued(Invitation Invitation, string Link);

    /// <summary>
    /// Adds an account invitation (not yet saved). A new invitation replaces any open one, so only the
    /// latest link works. Callers that write their own email (e.g. a cohort invitation) pass sendEmail: false.
    /// </summary>
    public static async Task<Issued> Issue(FlipsideDb db, string email, string name, string role, string invitedByUserId, string baseUrl,
        DateTimeOffset now, bool sendEmail, CancellationToken ct)
    {
        foreach (var open in await db.Invitations.Where(i => i.Email == email && i.UsedAt == null && i.RevokedAt == null).ToListAsync(ct))
            open.Revoke(now);
        var token = Tokens.New();
        var invitation = new Invitation(email, name, role, Tokens.Hash(token), invitedByUserId, now);
        var link = $"{baseUrl.TrimEnd('/')}/Account/Invitation?token={token}";
        db.Invitations.Add(invitation);
        if (sendEmail) db.Outbox.Add(Email(invitation, link, now));
        return new(invitation, link);
    }

    private static OutboxMessage Email(Invitation i, string link, DateTimeOffset now)
    {
        var expires = i.ExpiresAt.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var text = $"""
            Hello {i.DisplayName},

            You have been invited to Flipside as {Roles.Describe(i.Role).ToLowerInvariant()}. Flipside runs reverse-mentoring
            programs, where junior colleagues and senior leaders learn from each other.

            Choose your password here (the link works once, until {expires}):
            {link}

            If you did not expect this, you can ignore this message.
            """;
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(i.DisplayName)},</p>
            <p>You have been invited to Flipside as {WebUtility.HtmlEncode(Roles.Describe(i.Role).ToLowerInvariant())}.
            Flipside runs reverse-mentoring programs, where junior colleagues and senior leaders learn from each other.</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">Choose your password</a> (the link works once, until {expires}).</p>
            <p>If you did not expect this, you can ignore this message.</p>
            """;
        return new OutboxMessage(i.Email, "Your invitation to Flipside", text, html, now);
    }
}
