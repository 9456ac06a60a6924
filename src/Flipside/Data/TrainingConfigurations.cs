using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class TrainingModuleConfiguration : IEntityTypeConfiguration<TrainingModule>
{
    public void Configure(EntityTypeBuilder<TrainingModule> e)
    {
        e.HasKey(m => m.Id);
        e.Property(m => m.Key).HasMaxLength(64);
        e.Property(m => m.Title).HasMaxLength(TrainingModule.TitleMaxLength);
        e.Property(m => m.Body).HasMaxLength(TrainingModule.BodyMaxLength);
        e.Property(m => m.Questions).HasMaxLength(TrainingModule.QuestionsMaxLength);
        e.Property(m => m.UpdatedBy).HasMaxLength(450);
        e.Property(m => m.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.Cascade);
        // One edit of a built-in module per program.
        e.HasIndex(m => new { m.ProgramId, m.Key }).IsUnique();
    }
}

internal sealed class TrainingRequirementConfiguration : IEntityTypeConfiguration<TrainingRequirement>
{
    public void Configure(EntityTypeBuilder<TrainingRequirement> e)
    {
        e.HasKey(r => new { r.ProgramId, r.ModuleKey, r.Role });
        e.Property(r => r.ModuleKey).HasMaxLength(64);
        e.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgramTrainingConfiguration : IEntityTypeConfiguration<ProgramTraining>
{
    public void Configure(EntityTypeBuilder<ProgramTraining> e)
    {
        e.HasKey(t => t.ProgramId);
        e.HasOne<MentoringProgram>().WithOne().HasForeignKey<ProgramTraining>(t => t.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingCompletionConfiguration : IEntityTypeConfiguration<TrainingCompletion>
{
    public void Configure(EntityTypeBuilder<TrainingCompletion> e)
    {
        e.HasKey(c => c.Id);
        e.Property(c => c.ModuleKey).HasMaxLength(64);
        e.Property(c => c.ContentHash).HasMaxLength(64);
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => new { c.PersonId, c.ModuleKey, c.ContentHash }).IsUnique();
    }
}

internal sealed class SupervisionCircleConfiguration : IEntityTypeConfiguration<SupervisionCircle>
{
    public void Configure(EntityTypeBuilder<SupervisionCircle> e)
    {
        e.HasKey(c => c.Id);
        e.Property(c => c.TimeZone).HasMaxLength(64);
        e.Property(c => c.VideoLink).HasMaxLength(SupervisionCircle.VideoLinkMaxLength);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasOne<Cohort>().WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => new { c.CohortId, c.StartsAt });
        e.OwnsMany(c => c.Attendance, a =>
        {
            a.ToTable("CircleAttendance");
            a.WithOwner().HasForeignKey(x => x.CircleId);
            a.HasKey(x => new { x.CircleId, x.EnrollmentId });
            a.HasOne<Enrollment>().WithMany().HasForeignKey(x => x.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
