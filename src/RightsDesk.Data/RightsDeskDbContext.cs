using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Deadlines;
using RightsDesk.Data.Defenders;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;
using RightsDesk.Data.Appeals;
using RightsDesk.Data.Disputes;
using RightsDesk.Data.Misuse;
using RightsDesk.Data.Notices;
using RightsDesk.Data.Outbox;
using RightsDesk.Data.Portal;
using RightsDesk.Data.Security;

namespace RightsDesk.Data;

/// <summary>
/// The model, shared by both engines. Each engine has its own subclass only so that each keeps its own migrations
/// (SQLite and PostgreSQL differ in types); the tables and their meaning are the same.
/// </summary>
public abstract partial class RightsDeskDbContext(DbContextOptions options) : IdentityDbContext<DeskUser, IdentityRole, string>(options)
{
    public DbSet<DemandRecord> Demands => Set<DemandRecord>();
    public DbSet<DemandStep> DemandSteps => Set<DemandStep>();
    public DbSet<DemandNote> DemandNotes => Set<DemandNote>();
    public DbSet<DemandTargetIndex> DemandTargetIndex => Set<DemandTargetIndex>();
    public DbSet<SavedFilter> SavedFilters => Set<SavedFilter>();
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();
    public DbSet<DecisionRecord> Decisions => Set<DecisionRecord>();
    public DbSet<ApprovalRecord> Approvals => Set<ApprovalRecord>();
    public DbSet<LetterRecord> Letters => Set<LetterRecord>();
    public DbSet<DisclosurePackageRecord> DisclosurePackages => Set<DisclosurePackageRecord>();
    public DbSet<NoticeRecord> Notices => Set<NoticeRecord>();
    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();
    public DbSet<DeadlineRecord> Deadlines => Set<DeadlineRecord>();
    public DbSet<AtRiskPersonRecord> AtRiskPeople => Set<AtRiskPersonRecord>();
    public DbSet<AtRiskIdentifierRecord> AtRiskIdentifiers => Set<AtRiskIdentifierRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<Partners.PartnerApplicationRecord> PartnerApplications => Set<Partners.PartnerApplicationRecord>();
    public DbSet<Partners.PartnerRecord> Partners => Set<Partners.PartnerRecord>();
    public DbSet<IncidentMessageRecord> IncidentMessages => Set<IncidentMessageRecord>();
    public DbSet<IncidentActionRecord> IncidentActions => Set<IncidentActionRecord>();
    public DbSet<IncidentLinkRecord> IncidentLinks => Set<IncidentLinkRecord>();
    public DbSet<IncidentAttachmentRecord> IncidentAttachments => Set<IncidentAttachmentRecord>();
    public DbSet<ModerationDecisionRecord> ModerationDecisions => Set<ModerationDecisionRecord>();
    public DbSet<IllegalContentNotices.IllegalContentNoticeRecord> IllegalContentNotices => Set<IllegalContentNotices.IllegalContentNoticeRecord>();
    public DbSet<IllegalContentNotices.NoticeTargetRecord> NoticeTargets => Set<IllegalContentNotices.NoticeTargetRecord>();
    public DbSet<IllegalContentNotices.TrustedFlaggerRecord> TrustedFlaggers => Set<IllegalContentNotices.TrustedFlaggerRecord>();
    public DbSet<IllegalContentNotices.NoticeComplaintRecord> NoticeComplaints => Set<IllegalContentNotices.NoticeComplaintRecord>();
    public DbSet<IllegalContentNotices.NoticeComplaintCodeRecord> NoticeComplaintCodes => Set<IllegalContentNotices.NoticeComplaintCodeRecord>();
    public DbSet<StatementRecord> ModerationStatements => Set<StatementRecord>();
    public DbSet<AppealRecord> Appeals => Set<AppealRecord>();
    public DbSet<AppealCodeRecord> AppealCodes => Set<AppealCodeRecord>();
    public DbSet<DisputeRecord> Disputes => Set<DisputeRecord>();
    public DbSet<MisuseMeasureRecord> MisuseMeasures => Set<MisuseMeasureRecord>();
    public DbSet<ApiTokenRecord> ApiTokens => Set<ApiTokenRecord>();
    public DbSet<LedgerEventRecord> LedgerEvents => Set<LedgerEventRecord>();
    public DbSet<TreeHeadRecord> TreeHeads => Set<TreeHeadRecord>();
    public DbSet<OfficialProfile> Officials => Set<OfficialProfile>();
    public DbSet<ClarificationRecord> Clarifications => Set<ClarificationRecord>();
    public DbSet<PackageReleaseRecord> PackageReleases => Set<PackageReleaseRecord>();
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();
    public DbSet<RecoveryCodeRecord> RecoveryCodes => Set<RecoveryCodeRecord>();
    public DbSet<RegistrationAttempt> RegistrationAttempts => Set<RegistrationAttempt>();
    public DbSet<Transparency.TransparencyReportRecord> TransparencyReports => Set<Transparency.TransparencyReportRecord>();
    public DbSet<Transparency.TransparencyReportRecordSet> TransparencyReportRecords => Set<Transparency.TransparencyReportRecordSet>();
    public DbSet<Impact.ImpactAssessmentRecord> ImpactAssessments => Set<Impact.ImpactAssessmentRecord>();
    public DbSet<Impact.ImpactRiskRecord> ImpactRisks => Set<Impact.ImpactRiskRecord>();
    public DbSet<Impact.ImpactMitigationRecord> ImpactMitigations => Set<Impact.ImpactMitigationRecord>();
    public DbSet<Impact.ImpactConsultationRecord> ImpactConsultations => Set<Impact.ImpactConsultationRecord>();
    public DbSet<Impact.ImpactReviewRecord> ImpactReviews => Set<Impact.ImpactReviewRecord>();
    public DbSet<Impact.BenchmarkRecord> Benchmarks => Set<Impact.BenchmarkRecord>();
    public DbSet<Impact.BenchmarkReadingRecord> BenchmarkReadings => Set<Impact.BenchmarkReadingRecord>();
    public DbSet<Impact.ImpactRecommendationRecord> ImpactRecommendations => Set<Impact.ImpactRecommendationRecord>();
    public DbSet<Pushback.PushbackRecord> Pushback => Set<Pushback.PushbackRecord>();
    public DbSet<Exports.DsaSubmissionRecord> DsaSubmissions => Set<Exports.DsaSubmissionRecord>();
    public DbSet<Rollups.ModerationRollupRecord> ModerationRollups => Set<Rollups.ModerationRollupRecord>();
    public DbSet<Rollups.DemandRollupRecord> DemandRollups => Set<Rollups.DemandRollupRecord>();

    public abstract DatabaseEngine Engine { get; }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1725:Parameter names should match base declaration", Justification = "Called by EF only, never with named arguments; the short name reads better on every line of the configuration.")]
    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        // Enums are stored by name: readable in the database and stable if members are reordered.
        b.Properties<DemandKind>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<DemandState>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<AuthorityType>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<LegalProcess>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<Channel>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<Recommendation>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<WorkflowAction>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<NoticePlan>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<NoticeStatus>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<OutboxChannel>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<OutboxStatus>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<CaseKind>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<LetterStatus>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<AccountKind>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<OfficialVerification>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<RequesterFlag>().HaveConversion<string>().HaveMaxLength(32);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1725:Parameter names should match base declaration", Justification = "Called by EF only, never with named arguments; the short name reads better on every line of the model.")]
    protected override void OnModelCreating(ModelBuilder m)
    {
        base.OnModelCreating(m);
        m.Entity<DeskUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.EnrolmentHash).HasMaxLength(32);
            // A save of an account loaded before a code was accepted must not put an older step back (and so reopen
            // that code): the step is checked like Identity's concurrency stamp.
            e.Property(x => x.LastTotpStep).IsConcurrencyToken();
        });
        m.Entity<SessionRecord>(e =>
        {
            e.ToTable("sessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => x.ExpiresAt);
            e.HasOne<DeskUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        m.Entity<DemandRecord>(e =>
        {
            e.ToTable("demands");
            e.HasKey(x => x.Id);
            e.Property(x => x.AuthorityCountry).HasMaxLength(2);
            e.Property(x => x.AuthorityName).HasMaxLength(300);
            e.Property(x => x.AssignedTo).HasMaxLength(200);
            e.Property(x => x.AssignedToId).HasMaxLength(450);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.CreatedById).HasMaxLength(450);
            e.Property(x => x.RequesterUserId).HasMaxLength(450);
            e.HasIndex(x => new { x.AssignedToId, x.ReceivedAt });
            e.HasIndex(x => new { x.RequesterUserId, x.ReceivedAt });
            e.HasIndex(x => new { x.AssignedTo, x.ReceivedAt });
            e.Property(x => x.PolicyVersion).HasMaxLength(80);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.IdempotencyHash).IsUnique();
            // The list views: newest first within a state, by country, by deadline.
            e.HasIndex(x => new { x.State, x.ReceivedAt });
            e.HasIndex(x => new { x.AuthorityCountry, x.ReceivedAt });
            e.HasIndex(x => new { x.Kind, x.ReceivedAt });
            e.HasIndex(x => x.Deadline);
            e.HasIndex(x => x.ReceivedAt);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.DemandId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Reference).HasMaxLength(20);
            e.HasIndex(x => x.Reference).IsUnique();
        });
        DemandWork.Configure(m);
        m.Entity<DemandStep>(e =>
        {
            e.ToTable("demand_steps");
            e.Property(x => x.Actor).HasMaxLength(200);
            e.HasIndex(x => new { x.DemandId, x.At });
        });
        m.Entity<DocumentRecord>(e =>
        {
            e.ToTable("documents");
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.UploadedBy).HasMaxLength(200);
            e.HasIndex(x => x.DemandId);
            e.HasOne<DemandRecord>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<DecisionRecord>(e =>
        {
            e.ToTable("decisions");
            e.Property(x => x.DecidedBy).HasMaxLength(200);
            e.Property(x => x.DecidedById).HasMaxLength(450);
            e.HasIndex(x => x.DemandId);
            e.HasOne<DemandRecord>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Approvals).WithOne().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ApprovalRecord>(e =>
        {
            e.ToTable("approvals");
            e.Property(x => x.ApprovedBy).HasMaxLength(200);
            // The database itself refuses a second approval by the same person.
            e.HasIndex(x => new { x.DecisionId, x.ApprovedBy }).IsUnique();
            // ... and by the same person through another token or session: people are compared by id.
            e.Property(x => x.ApprovedById).HasMaxLength(450);
            e.Property(x => x.ApproverRole).HasMaxLength(40);
            e.HasIndex(x => new { x.DecisionId, x.ApprovedById }).IsUnique();
        });
        m.Entity<LetterRecord>(e =>
        {
            e.ToTable("letters");
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.HasIndex(x => x.DemandId);
            e.HasOne<DemandRecord>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<DisclosurePackageRecord>(e =>
        {
            e.ToTable("disclosure_packages");
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.ManifestSha256).HasMaxLength(64);
            e.HasIndex(x => x.DemandId);
            e.HasOne<DemandRecord>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<NoticeRecord>(e =>
        {
            e.ToTable("notices");
            e.Property(x => x.Language).HasMaxLength(10);
            e.HasIndex(x => new { x.DemandId, x.TargetIndex }).IsUnique();
            e.HasIndex(x => new { x.Status, x.Earliest });
            e.HasOne<DemandRecord>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Restrict);
        });
        m.ApplyConfiguration(new OutboxRecordConfiguration());
        m.ApplyConfiguration(new DeadlineRecordConfiguration());
        m.ApplyConfiguration(new AtRiskPersonRecordConfiguration());
        m.ApplyConfiguration(new AtRiskIdentifierRecordConfiguration());
        m.ApplyConfiguration(new IncidentRecordConfiguration());
        m.ApplyConfiguration(new IncidentMessageRecordConfiguration());
        m.ApplyConfiguration(new IncidentActionRecordConfiguration());
        m.ApplyConfiguration(new IncidentLinkRecordConfiguration());
        m.ApplyConfiguration(new IncidentAttachmentRecordConfiguration());
        m.ApplyConfiguration(new RecoveryCodeRecordConfiguration());
        m.ApplyConfiguration(new RegistrationAttemptConfiguration());
        m.ApplyConfiguration(new ModerationDecisionRecordConfiguration());
        m.ApplyConfiguration(new IllegalContentNotices.IllegalContentNoticeRecordConfiguration());
        m.ApplyConfiguration(new IllegalContentNotices.NoticeTargetRecordConfiguration());
        m.ApplyConfiguration(new IllegalContentNotices.TrustedFlaggerRecordConfiguration());
        m.ApplyConfiguration(new IllegalContentNotices.NoticeComplaintRecordConfiguration());
        m.ApplyConfiguration(new IllegalContentNotices.NoticeComplaintCodeRecordConfiguration());
        m.ApplyConfiguration(new StatementRecordConfiguration());
        m.ApplyConfiguration(new AppealRecordConfiguration());
        m.ApplyConfiguration(new AppealCodeRecordConfiguration());
        m.ApplyConfiguration(new DisputeRecordConfiguration());
        m.ApplyConfiguration(new MisuseMeasureRecordConfiguration());
        m.ApplyConfiguration(new Transparency.TransparencyReportConfiguration());
        m.ApplyConfiguration(new Transparency.TransparencyReportRecordSetConfiguration());
        m.ApplyConfigurationsFromAssembly(typeof(RightsDeskDbContext).Assembly, t => t.Namespace == "RightsDesk.Data.Impact");
        m.ApplyConfiguration(new Pushback.PushbackRecordConfiguration());
        m.ApplyConfiguration(new Exports.DsaSubmissionRecordConfiguration());
        m.ApplyConfigurationsFromAssembly(typeof(RightsDeskDbContext).Assembly, t => t.Namespace == "RightsDesk.Data.Partners");
        m.ApplyConfigurationsFromAssembly(typeof(RightsDeskDbContext).Assembly, t => t.Namespace == "RightsDesk.Data.Rollups");
        m.Entity<ApiTokenRecord>(e =>
        {
            e.ToTable("api_tokens");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Role).HasMaxLength(40);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.PersonId).HasMaxLength(450);
            e.Property(x => x.Prefix).HasMaxLength(20);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.HasIndex(x => x.SecretHash).IsUnique();
        });
        m.Entity<LedgerEventRecord>(e =>
        {
            e.ToTable("ledger_events");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedNever();
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.SubjectId).HasMaxLength(64);
            e.HasIndex(x => x.SubjectId);
        });
        m.Entity<TreeHeadRecord>(e =>
        {
            e.ToTable("tree_heads");
            e.Property(x => x.KeyId).HasMaxLength(64);
            e.Property(x => x.IssuedBy).HasMaxLength(200);
            e.HasIndex(x => x.TreeSize);
        });
        m.Entity<OfficialProfile>(e =>
        {
            e.ToTable("officials");
            e.HasKey(x => x.UserId);
            e.Property(x => x.AuthorityName).HasMaxLength(300);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.EmailDomain).HasMaxLength(253);
            e.Property(x => x.VerifiedBy).HasMaxLength(200);
            e.Property(x => x.FlaggedBy).HasMaxLength(200);
            e.HasOne<DeskUser>().WithOne().HasForeignKey<OfficialProfile>(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.Verification, x.RegisteredAt });
        });
        m.Entity<ClarificationRecord>(e =>
        {
            e.ToTable("clarifications");
            e.Property(x => x.AskedBy).HasMaxLength(200);
            e.Property(x => x.AnsweredBy).HasMaxLength(200);
            e.HasIndex(x => x.DemandId);
            e.HasOne<DemandRecord>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<PackageReleaseRecord>(e =>
        {
            e.ToTable("package_releases");
            e.Property(x => x.OfficialUserId).HasMaxLength(450);
            e.Property(x => x.ReleasedBy).HasMaxLength(200);
            e.HasIndex(x => x.SecretHash).IsUnique();
            e.HasIndex(x => x.DemandId);
            e.HasOne<DemandRecord>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

public enum DatabaseEngine { Sqlite, Postgres }

public sealed class SqliteRightsDeskDbContext(DbContextOptions<SqliteRightsDeskDbContext> options) : RightsDeskDbContext(options)
{
    public override DatabaseEngine Engine => DatabaseEngine.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        base.ConfigureConventions(b);
        // SQLite cannot compare or order DateTimeOffset values; stored as a sortable integer they can be.
        b.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresRightsDeskDbContext(DbContextOptions<PostgresRightsDeskDbContext> options) : RightsDeskDbContext(options)
{
    public override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
