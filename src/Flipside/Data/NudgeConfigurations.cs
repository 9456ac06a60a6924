using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class NudgeSentConfiguration : IEntityTypeConfiguration<NudgeSent>
{
    public void Configure(EntityTypeBuilder<NudgeSent> e)
    {
        e.ToTable("NudgesSent");
        e.HasKey(n => n.Id);
        e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(n => n.Subject).HasMaxLength(200);
        e.Property(n => n.Recipient).HasMaxLength(320);
        // Once only, even with two instances: the second insert fails and its whole batch, email included, rolls back.
        e.HasIndex(n => new { n.Kind, n.Subject, n.Recipient }).IsUnique();
    }
}

internal sealed class NudgeSettingsConfiguration : IEntityTypeConfiguration<NudgeSettings>
{
    public void Configure(EntityTypeBuilder<NudgeSettings> e)
    {
        e.HasKey(n => n.Email);
        e.Property(n => n.Email).HasMaxLength(320);
        e.PrimitiveCollection(n => n.Off).ElementType(t => t.HasConversion<string>());
    }
}
