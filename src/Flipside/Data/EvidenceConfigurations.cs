using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class SurveyInstrumentConfiguration : IEntityTypeConfiguration<SurveyInstrument>
{
    public void Configure(EntityTypeBuilder<SurveyInstrument> e)
    {
        e.HasKey(i => i.Id);
        e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(i => i.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(i => new { i.ProgramId, i.Kind }).IsUnique();
        e.OwnsMany(i => i.Questions, Questions.Configure);
    }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> e)
    {
        e.HasKey(s => s.Id);
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.Title).HasMaxLength(200);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasOne<Cohort>().WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
        // One survey of each kind per cohort: the job that opens them on the cohort's timeline may run twice.
        e.HasIndex(s => new { s.CohortId, s.Kind }).IsUnique();
        e.HasIndex(s => new { s.ProgramId, s.Kind });
        e.OwnsMany(s => s.Questions, Questions.Configure);
    }
}

/// <summary>Questions are stored as JSON in their survey's row: they are read and written as one fixed list.</summary>
internal static class Questions
{
    public static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, SurveyQuestion> q) where TOwner : class
    {
        q.ToJson();
        q.Property(x => x.Audience).HasConversion<string>();
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> e)
    {
        e.HasKey(r => r.Id);
        e.Property(r => r.Pseudonym).HasMaxLength(64);
        e.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Comment).HasMaxLength(SurveyResponse.CommentMaxLength);
        e.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        // A second answer to the same survey fails here even if two requests race.
        e.HasIndex(r => new { r.SurveyId, r.Pseudonym }).IsUnique();
        e.OwnsMany(r => r.Answers, a => a.ToJson());
    }
}

internal sealed class SurveyParticipationConfiguration : IEntityTypeConfiguration<SurveyParticipation>
{
    public void Configure(EntityTypeBuilder<SurveyParticipation> e)
    {
        e.HasKey(p => new { p.SurveyId, p.EnrollmentId });
        e.HasOne<Survey>().WithMany().HasForeignKey(p => p.SurveyId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Enrollment>().WithMany().HasForeignKey(p => p.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PulseAnswerConfiguration : IEntityTypeConfiguration<PulseAnswer>
{
    public void Configure(EntityTypeBuilder<PulseAnswer> e)
    {
        e.HasKey(p => p.Id);
        e.Property(p => p.Pseudonym).HasMaxLength(64);
        e.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        e.HasOne<Cohort>().WithMany().HasForeignKey(p => p.CohortId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => new { p.ProgramId, p.CohortId });
    }
}

internal sealed class HeldAnswerConfiguration : IEntityTypeConfiguration<HeldAnswer>
{
    public void Configure(EntityTypeBuilder<HeldAnswer> e)
    {
        e.HasKey(h => h.Id);
        e.Property(h => h.Pseudonym).HasMaxLength(64);
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(h => h.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Survey>().WithMany().HasForeignKey(h => h.SurveyId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(h => new { h.ProgramId, h.SurveyId, h.Month });
    }
}

internal sealed class PulseGivenConfiguration : IEntityTypeConfiguration<PulseGiven>
{
    public void Configure(EntityTypeBuilder<PulseGiven> e)
    {
        e.ToTable("PulsesGiven");
        e.HasKey(p => new { p.MeetingId, p.Role });
        e.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        e.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PairFlagConfiguration : IEntityTypeConfiguration<PairFlag>
{
    public void Configure(EntityTypeBuilder<PairFlag> e)
    {
        e.HasKey(f => f.Id);
        e.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(f => f.ResolvedBy).HasMaxLength(320);
        e.HasOne<Pairing>().WithMany().HasForeignKey(f => f.PairingId).OnDelete(DeleteBehavior.Cascade);
        // One open flag of a kind per pairing and week, however many answers raise it.
        e.HasIndex(f => new { f.PairingId, f.Kind, f.RaisedWeekOf }).IsUnique();
    }
}

internal sealed class InsightConfiguration : IEntityTypeConfiguration<Insight>
{
    public void Configure(EntityTypeBuilder<Insight> e)
    {
        e.HasKey(i => i.Id);
        e.Property(i => i.RaisedBy).HasConversion<string>().HasMaxLength(16);
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(i => i.FocusArea).HasMaxLength(100);
        e.Property(i => i.Text).HasMaxLength(Insight.TextMaxLength);
        e.Property(i => i.Response).HasMaxLength(Insight.ResponseMaxLength);
        e.Property(i => i.RespondedBy).HasMaxLength(320);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(i => i.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Pairing>().WithMany().HasForeignKey(i => i.PairingId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(i => new { i.ProgramId, i.RaisedAt });
        e.HasIndex(i => i.PairingId);
    }
}

internal sealed class SealedSecretConfiguration : IEntityTypeConfiguration<SealedSecret>
{
    public void Configure(EntityTypeBuilder<SealedSecret> e)
    {
        e.HasKey(s => s.Name);
        e.Property(s => s.Name).HasMaxLength(64);
        e.Property(s => s.KekId).HasMaxLength(32);
    }
}
