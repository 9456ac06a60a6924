using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class ProgramConfiguration : IEntityTypeConfiguration<MentoringProgram>
{
    public void Configure(EntityTypeBuilder<MentoringProgram> e)
    {
        e.ToTable("Programs");
        e.HasKey(p => p.Id);
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.Purpose).HasMaxLength(4000);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.MentorLabel).HasMaxLength(60);
        e.Property(p => p.MenteeLabel).HasMaxLength(60);
        e.ComplexProperty(p => p.Eligibility);
        e.Property(p => p.FirstContactBy).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.MatchingMode).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.Language).HasMaxLength(8);
        e.PrimitiveCollection(p => p.RequiredNudges).ElementType(t => t.HasConversion<string>());
        e.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Managers).WithOne().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Sponsors).WithOne().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasMany(p => p.Cohorts).WithOne(c => c.Program).HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgramManagerConfiguration : IEntityTypeConfiguration<ProgramManagerAssignment>
{
    public void Configure(EntityTypeBuilder<ProgramManagerAssignment> e)
    {
        e.ToTable("ProgramManagers");
        e.HasKey(m => new { m.ProgramId, m.UserId });
        e.Property(m => m.UserId).HasMaxLength(450);
        e.HasIndex(m => m.UserId);
    }
}

internal sealed class ProgramSponsorConfiguration : IEntityTypeConfiguration<ProgramSponsorAssignment>
{
    public void Configure(EntityTypeBuilder<ProgramSponsorAssignment> e)
    {
        e.ToTable("ProgramSponsors");
        e.HasKey(m => new { m.ProgramId, m.UserId });
        e.Property(m => m.UserId).HasMaxLength(450);
        e.HasIndex(m => m.UserId);
    }
}

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> e)
    {
        e.HasKey(o => o.Id);
        e.Property(o => o.Title).HasMaxLength(300);
        e.HasMany(o => o.Measures).WithOne().HasForeignKey(m => m.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> e)
    {
        e.HasKey(m => m.Id);
        e.Property(m => m.Name).HasMaxLength(300);
        e.Property(m => m.Unit).HasMaxLength(40);
        e.Property(m => m.Method).HasMaxLength(500);
        e.Property(m => m.Timing).HasMaxLength(200);
        e.Property(m => m.Baseline).HasPrecision(18, 4);
        e.Property(m => m.Target).HasPrecision(18, 4);
        e.Property(m => m.Source).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.Scale).HasMaxLength(100);
    }
}

internal sealed class MeasureValueConfiguration : IEntityTypeConfiguration<MeasureValue>
{
    public void Configure(EntityTypeBuilder<MeasureValue> e)
    {
        e.HasKey(v => v.Id);
        e.Property(v => v.Value).HasPrecision(18, 4);
        e.Property(v => v.Note).HasMaxLength(MeasureValue.NoteMaxLength);
        e.Property(v => v.RecordedBy).HasMaxLength(320);
        e.HasOne<Measure>().WithMany().HasForeignKey(v => v.MeasureId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(v => new { v.MeasureId, v.MeasuredOn });
    }
}

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> e)
    {
        e.HasKey(c => c.Id);
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasMany(c => c.Enrollments).WithOne(x => x.Cohort).HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> e)
    {
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.CohortId, x.PersonId }).IsUnique();
        e.HasIndex(x => x.PersonId);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Motivation).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.ApprovalTokenHash).HasMaxLength(64);
        e.HasIndex(x => x.ApprovalTokenHash).IsUnique();
        e.HasOne(x => x.Profile).WithOne().HasForeignKey<Profile>(p => p.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> e)
    {
        e.HasKey(p => p.EnrollmentId);
        e.Property(p => p.MeetingMode).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.HopeToGive).HasMaxLength(2000);
        e.Property(p => p.HopeToGet).HasMaxLength(2000);
        e.HasMany(p => p.Topics).WithOne().HasForeignKey(t => t.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileTopicConfiguration : IEntityTypeConfiguration<ProfileTopic>
{
    public void Configure(EntityTypeBuilder<ProfileTopic> e)
    {
        e.HasKey(t => t.Id);
        e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(t => t.Name).HasMaxLength(100);
        e.HasIndex(t => new { t.EnrollmentId, t.Kind, t.Name }).IsUnique();
    }
}
