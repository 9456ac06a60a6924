using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class ScimTokenConfiguration : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> e)
    {
        e.HasKey(t => t.Id);
        e.Property(t => t.Name).HasMaxLength(ScimToken.MaxNameLength);
        e.Property(t => t.TokenHash).HasMaxLength(64);
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.Property(t => t.CreatedBy).HasMaxLength(256);
        e.Property(t => t.RevokedBy).HasMaxLength(256);
        e.Ignore(t => t.IsRevoked);
    }
}

internal sealed class ScimIdentityConfiguration : IEntityTypeConfiguration<ScimIdentity>
{
    public void Configure(EntityTypeBuilder<ScimIdentity> e)
    {
        e.HasKey(i => i.PersonId);
        e.HasOne<Person>().WithOne().HasForeignKey<ScimIdentity>(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.Property(i => i.UserName).HasMaxLength(256);
        e.HasIndex(i => i.UserName).IsUnique();
        e.Property(i => i.ExternalId).HasMaxLength(256);
        e.HasIndex(i => i.ExternalId);
        e.Property(i => i.GivenName).HasMaxLength(200);
        e.Property(i => i.FamilyName).HasMaxLength(200);
        e.Property(i => i.NameSent).HasMaxLength(200);
    }
}
