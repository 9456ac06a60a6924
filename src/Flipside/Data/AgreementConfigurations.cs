using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class ProgramGuidelinesConfiguration : IEntityTypeConfiguration<ProgramGuidelines>
{
    public void Configure(EntityTypeBuilder<ProgramGuidelines> e)
    {
        e.HasKey(g => g.ProgramId);
        e.Property(g => g.Text).HasMaxLength(ProgramGuidelines.TextMaxLength);
        e.Property(g => g.UpdatedBy).HasMaxLength(450);
        e.Property(g => g.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithOne().HasForeignKey<ProgramGuidelines>(g => g.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuidelinesAcknowledgementConfiguration : IEntityTypeConfiguration<GuidelinesAcknowledgement>
{
    public void Configure(EntityTypeBuilder<GuidelinesAcknowledgement> e)
    {
        e.HasKey(a => new { a.ProgramId, a.PersonId });
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => a.PersonId);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> e)
    {
        e.HasKey(a => a.PairingId);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.Ignore(a => a.Current);
        e.HasOne<Pairing>().WithOne().HasForeignKey<Agreement>(a => a.PairingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.PairingId).OnDelete(DeleteBehavior.Cascade);
        // The nudge for unsigned agreements reads this.
        e.HasIndex(a => a.SignedByBothAt);
    }
}

internal sealed class AgreementRevisionConfiguration : IEntityTypeConfiguration<AgreementRevision>
{
    public void Configure(EntityTypeBuilder<AgreementRevision> e)
    {
        e.HasKey(r => r.Id);
        e.Property(r => r.ChangedBy).HasConversion<string>().HasMaxLength(16);
        e.Ignore(r => r.Sections);
        e.Ignore(r => r.SignedByBoth);
        e.HasIndex(r => new { r.PairingId, r.Number }).IsUnique();
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> e)
    {
        e.HasKey(g => g.Id);
        e.Property(g => g.Owner).HasConversion<string>().HasMaxLength(16);
        e.Property(g => g.Title).HasMaxLength(Goal.TitleMaxLength);
        e.Property(g => g.Description).HasMaxLength(Goal.TextMaxLength);
        e.Property(g => g.Version).IsConcurrencyToken();
        e.HasOne<Pairing>().WithMany().HasForeignKey(g => g.PairingId).OnDelete(DeleteBehavior.Cascade);
        // An objective removed from the program leaves the goal in place, unlinked.
        e.HasOne<Objective>().WithMany().HasForeignKey(g => g.ObjectiveId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(g => g.Milestones).WithOne().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(g => g.Progress).WithOne().HasForeignKey(p => p.GoalId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(g => g.PairingId);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> e)
    {
        e.HasKey(m => m.Id);
        e.Property(m => m.Title).HasMaxLength(Goal.TitleMaxLength);
    }
}

internal sealed class GoalProgressConfiguration : IEntityTypeConfiguration<GoalProgress>
{
    public void Configure(EntityTypeBuilder<GoalProgress> e)
    {
        e.HasKey(p => p.Id);
        e.Property(p => p.By).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.Text).HasMaxLength(Goal.TextMaxLength);
    }
}
