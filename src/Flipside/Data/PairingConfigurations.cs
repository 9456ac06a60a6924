using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class PairingConfiguration : IEntityTypeConfiguration<Pairing>
{
    public void Configure(EntityTypeBuilder<Pairing> e)
    {
        e.HasKey(p => p.Id);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.EndedBy).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.EndReason).HasMaxLength(Pairing.ReasonMaxLength);
        e.Property(p => p.DecidedBy).HasMaxLength(450);
        e.Property(p => p.ReportingLineAbove).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.ReportingLineKeptBy).HasMaxLength(450);
        e.Property(p => p.ReportingLineKeptReason).HasMaxLength(Pairing.ReasonMaxLength);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasOne(p => p.Cohort).WithMany().HasForeignKey(p => p.CohortId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.MentorEnrollment).WithMany().HasForeignKey(p => p.MentorEnrollmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.MenteeEnrollment).WithMany().HasForeignKey(p => p.MenteeEnrollmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => new { p.CohortId, p.Status });
        e.HasIndex(p => p.MentorEnrollmentId);
        e.HasIndex(p => p.MenteeEnrollmentId);
    }
}

internal sealed class PairingKeyConfiguration : IEntityTypeConfiguration<PairingKey>
{
    public void Configure(EntityTypeBuilder<PairingKey> e)
    {
        e.HasKey(k => k.PairingId);
        e.Property(k => k.KekId).HasMaxLength(32);
        e.HasOne<Pairing>().WithOne().HasForeignKey<PairingKey>(k => k.PairingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatchRunConfiguration : IEntityTypeConfiguration<MatchRun>
{
    public void Configure(EntityTypeBuilder<MatchRun> e)
    {
        e.HasKey(r => r.Id);
        e.Property(r => r.StartedBy).HasMaxLength(450);
        e.Property(r => r.Objective).HasConversion<string>().HasMaxLength(16);
        e.ComplexProperty(r => r.Weights);
        e.HasOne<Cohort>().WithMany().HasForeignKey(r => r.CohortId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.CohortId, r.StartedAt });
    }
}

internal sealed class MentorRequestConfiguration : IEntityTypeConfiguration<MentorRequest>
{
    public void Configure(EntityTypeBuilder<MentorRequest> e)
    {
        e.HasKey(r => r.Id);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne<Cohort>().WithMany().HasForeignKey(r => r.CohortId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(r => r.MenteeEnrollment).WithMany().HasForeignKey(r => r.MenteeEnrollmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.MentorEnrollment).WithMany().HasForeignKey(r => r.MentorEnrollmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Pairing>().WithMany().HasForeignKey(r => r.PairingId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => new { r.CohortId, r.Status });
        e.HasIndex(r => new { r.Status, r.AnswerBy });
        e.HasIndex(r => r.MenteeEnrollmentId);
        e.HasIndex(r => r.MentorEnrollmentId);
    }
}

internal sealed class PreferenceConfiguration : IEntityTypeConfiguration<Preference>
{
    public void Configure(EntityTypeBuilder<Preference> e)
    {
        e.HasKey(p => p.Id);
        e.HasOne<Cohort>().WithMany().HasForeignKey(p => p.CohortId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Enrollment>().WithMany().HasForeignKey(p => p.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Enrollment>().WithMany().HasForeignKey(p => p.RankedEnrollmentId).OnDelete(DeleteBehavior.Restrict);
        // One place per rank and one rank per person ranked, in each ranking.
        e.HasIndex(p => new { p.EnrollmentId, p.Rank }).IsUnique();
        e.HasIndex(p => new { p.EnrollmentId, p.RankedEnrollmentId }).IsUnique();
        e.HasIndex(p => p.CohortId);
    }
}
