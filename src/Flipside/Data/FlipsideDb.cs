using Flipside.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Data;

/// <summary>
/// The unit of work for the whole app. Each database provider has its own subclass only so that
/// each keeps its own migrations (see docs/decisions/0002-migrations-per-provider.md).
/// </summary>
public abstract class FlipsideDb(DbContextOptions options) : IdentityDbContext<FlipsideUser>(options), IDataProtectionKeyContext
{
    public DbSet<Person> People => Set<Person>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<SystemFlag> SystemFlags => Set<SystemFlag>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<MentoringProgram> Programs => Set<MentoringProgram>();
    public DbSet<ProgramManagerAssignment> ProgramManagers => Set<ProgramManagerAssignment>();
    public DbSet<ProgramSponsorAssignment> ProgramSponsors => Set<ProgramSponsorAssignment>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<MeasureValue> MeasureValues => Set<MeasureValue>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<ProfileTopic> ProfileTopics => Set<ProfileTopic>();
    public DbSet<Pairing> Pairings => Set<Pairing>();
    public DbSet<MatchRun> MatchRuns => Set<MatchRun>();
    public DbSet<MentorRequest> MentorRequests => Set<MentorRequest>();
    public DbSet<Preference> Preferences => Set<Preference>();
    public DbSet<PairingKey> PairingKeys => Set<PairingKey>();
    public DbSet<NudgeSent> NudgesSent => Set<NudgeSent>();
    public DbSet<NudgeSettings> NudgeSettings => Set<NudgeSettings>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<TrainingModule> TrainingModules => Set<TrainingModule>();
    public DbSet<TrainingRequirement> TrainingRequirements => Set<TrainingRequirement>();
    public DbSet<ProgramTraining> ProgramTrainings => Set<ProgramTraining>();
    public DbSet<TrainingCompletion> TrainingCompletions => Set<TrainingCompletion>();
    public DbSet<SupervisionCircle> SupervisionCircles => Set<SupervisionCircle>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<PairingMeetingCounts> PairingMeetingCounts => Set<PairingMeetingCounts>();
    public DbSet<SurveyInstrument> SurveyInstruments => Set<SurveyInstrument>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyParticipation> SurveyParticipations => Set<SurveyParticipation>();
    public DbSet<PulseAnswer> PulseAnswers => Set<PulseAnswer>();
    public DbSet<PulseGiven> PulsesGiven => Set<PulseGiven>();
    public DbSet<HeldAnswer> HeldAnswers => Set<HeldAnswer>();
    public DbSet<PairFlag> PairFlags => Set<PairFlag>();
    public DbSet<Insight> Insights => Set<Insight>();
    public DbSet<SealedSecret> SealedSecrets => Set<SealedSecret>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<ProgramGuidelines> Guidelines => Set<ProgramGuidelines>();
    public DbSet<GuidelinesAcknowledgement> GuidelinesAcknowledgements => Set<GuidelinesAcknowledgement>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementRevision> AgreementRevisions => Set<AgreementRevision>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<GoalProgress> GoalProgress => Set<GoalProgress>();
    public DbSet<Kudos> Kudos => Set<Kudos>();
    public DbSet<PairingMilestone> PairingMilestones => Set<PairingMilestone>();
    public DbSet<SuccessStory> SuccessStories => Set<SuccessStory>();
    public DbSet<ChangeStamp> ChangeStamps => Set<ChangeStamp>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ProgramChat> ProgramChats => Set<ProgramChat>();
    public DbSet<ChatDelivery> ChatDeliveries => Set<ChatDelivery>();
    public DbSet<ScimToken> ScimTokens => Set<ScimToken>();
    public DbSet<ScimIdentity> ScimIdentities => Set<ScimIdentity>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    /// <summary>Every saved change to an aggregate people edit together moves its version on (see <see cref="IVersioned"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // A use case that changes only an aggregate's children (a program's objectives) moves the version itself.
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
            if (entry.State == EntityState.Modified && !entry.Property(e => e.Version).IsModified)
                entry.Entity.Version++;
        MoveChangeCounts();
        var stamped = ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && !Unstamped(e.Metadata.ClrType));
        var saved = await SaveKeepingCounts(acceptAllChangesOnSuccess, cancellationToken);
        // After the save, so a reader that sees the new stamp also sees the data; inside the caller's transaction if any.
        if (stamped) await Database.ExecuteSqlAsync($"UPDATE \"ChangeStamps\" SET \"Value\" = \"Value\" + 1", cancellationToken);
        return saved;
    }

    /// <summary>Mail and chat deliveries, the audit log, job runs, sent nudges, sign-ins and token use change often and no cached read shows them.</summary>
    private static bool Unstamped(Type type) => type == typeof(OutboxMessage) || type == typeof(OutboxAttachment) || type == typeof(AuditEntry) || type == typeof(JobRun)
        || type == typeof(NudgeSent) || type == typeof(ChangeStamp) || type == typeof(FlipsideUser) || type == typeof(ApiToken) || type == typeof(ChatDelivery)
        || type.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) == true;

    /// <summary>The stamp now: equal to an earlier reading when nothing that a cached read shows has been saved since.</summary>
    public Task<long> DataStamp(CancellationToken ct) =>
        ChangeStamps.Where(s => s.Area == ChangeStamp.Data).Select(s => s.Value).SingleAsync(ct);

    /// <summary>
    /// A transaction of its own, or null when the caller already has one (the demo loads in one): the work then commits or
    /// rolls back with the caller's. Commit the returned transaction when it is not null.
    /// </summary>
    public async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> BeginUnlessInTransaction(CancellationToken ct) =>
        Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;

    private async Task<int> SaveKeepingCounts(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var pairings = MeetingCounter.Touched(this);
        if (pairings.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // The counts change with the meetings or not at all.
        await using var transaction = await BeginUnlessInTransaction(cancellationToken);
        var saved = await SaveCounted(pairings, acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>Meeting changes are saved asynchronously only: the counts are kept by the asynchronous save.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().Any(e => e.Entity is Meeting or ActionItem or Pairing && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            ? throw new InvalidOperationException("Save meetings, action items and pairings with SaveChangesAsync, which keeps their counts.")
            : base.SaveChanges(acceptAllChangesOnSuccess);

    private async Task<int> SaveCounted(IReadOnlyList<Guid> pairings, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        await MeetingCounter.Lock(this, pairings, ct);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        await MeetingCounter.Recount(this, pairings, ct);
        return saved;
    }

    /// <summary>For <see cref="MeetingCounter"/>: a save that does not count again (it writes only count rows).</summary>
    internal Task<int> SaveUncounted(CancellationToken ct) => base.SaveChangesAsync(true, ct);

    /// <summary>
    /// People and profiles count their changes (<see cref="IChangeCounted"/>). A profile's topics are its own rows, so a
    /// change to them alone moves the profile's version too; a topic changed without its profile loaded is refused, because
    /// its change would go uncounted.
    /// </summary>
    private void MoveChangeCounts()
    {
        var topics = ChangeTracker.Entries<ProfileTopic>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.EnrollmentId).ToHashSet();
        foreach (var profile in ChangeTracker.Entries<Profile>())
            if (topics.Remove(profile.Entity.EnrollmentId) && profile.State == EntityState.Unchanged)
                profile.Property(p => p.Version).CurrentValue++;
        if (topics.Count > 0)
            throw new InvalidOperationException("A profile's topics changed without the profile loaded: load the profile with its topics, so that its version moves.");
        foreach (var entry in ChangeTracker.Entries<IChangeCounted>())
            if (entry.State == EntityState.Modified && !entry.Property(e => e.Version).IsModified)
                entry.Entity.Version++;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FlipsideDb).Assembly);
        // Our entities create their own Guid ids. Telling EF so makes a new child added to a loaded parent
        // (a topic to a profile, a measure to an objective) an insert, not an update of a row that is not there.
        foreach (var entity in builder.Model.GetEntityTypes())
            if (entity.FindPrimaryKey()?.Properties is [{ ClrType: var t, Name: "Id" } key] && t == typeof(Guid))
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
    }
}
