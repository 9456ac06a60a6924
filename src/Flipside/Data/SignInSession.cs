using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

/// <summary>
/// A signed-in browser session held on the server: the cookie carries only this row's id, so signing out (deleting
/// the row) ends the session even for someone who kept a copy of the cookie. See decision 0025.
/// </summary>
public sealed class SignInSession
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The authentication ticket, serialised and encrypted with Data Protection.</summary>
    public byte[] Ticket { get; set; } = [];
    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> e)
    {
        e.ToTable("SignInSessions");
        e.HasKey(s => s.Id);
        e.Property(s => s.UserId).HasMaxLength(450);
        e.HasIndex(s => s.UserId);
        e.HasOne<FlipsideUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
