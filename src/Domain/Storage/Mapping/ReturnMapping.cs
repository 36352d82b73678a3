using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PmfBot.Domain.Audit;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.People;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Risks;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Domain.Storage.Mapping;

internal sealed class ReturnMapping : IEntityTypeConfiguration<IndicatorReturn>
{
    public void Configure(EntityTypeBuilder<IndicatorReturn> ret)
    {
        ret.ToTable("returns");
        ret.Property(r => r.Version).IsConcurrencyToken();
        ret.HasIndex(r => new { r.IndicatorId, r.Period }).IsUnique();
        ret.HasIndex(r => r.Period);
        ret.HasOne(r => r.Indicator).WithMany().HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        ret.Property(r => r.NotAvailableReason).HasMaxLength(ReturnEntry.MaxReasonLength);
        ret.Property(r => r.OverrideReason).HasMaxLength(ReturnEntry.MaxReasonLength);
        ret.Property(r => r.Commentary).HasMaxLength(ReturnEntry.MaxCommentaryLength);
        ret.Property(r => r.ActionsDelivered).HasMaxLength(ReturnEntry.MaxActionsLength);
        ret.Property(r => r.ActionsPlanned).HasMaxLength(ReturnEntry.MaxActionsLength);
        ret.Property(r => r.SentBackComment).HasMaxLength(2000);
        ret.Ignore(r => r.EffectiveRag);
        ret.Ignore(r => r.HasAnswer);
    }
}

internal sealed class RatingMapping : IEntityTypeConfiguration<PriorityRating>
{
    public void Configure(EntityTypeBuilder<PriorityRating> rating)
    {
        rating.ToTable("priority_ratings");
        rating.Property(r => r.Version).IsConcurrencyToken();
        rating.HasIndex(r => new { r.PriorityId, r.Period }).IsUnique();
        rating.HasOne(r => r.Priority).WithMany().HasForeignKey(r => r.PriorityId).OnDelete(DeleteBehavior.Restrict);
        rating.Property(r => r.ProposedSummary).HasMaxLength(PriorityRating.MaxSummaryLength);
        rating.Property(r => r.ChairComment).HasMaxLength(PriorityRating.MaxSummaryLength);
        rating.Ignore(r => r.FinalRag);
        rating.Ignore(r => r.IsDecided);
    }
}

internal sealed class BoardActionMapping : IEntityTypeConfiguration<BoardAction>
{
    public void Configure(EntityTypeBuilder<BoardAction> action)
    {
        action.ToTable("board_actions");
        action.Property(a => a.Version).IsConcurrencyToken();
        action.Property(a => a.Title).HasMaxLength(500);
        action.HasIndex(a => a.BoardId);
        action.HasOne<Board>().WithMany().HasForeignKey(a => a.BoardId).OnDelete(DeleteBehavior.Restrict);
        action.HasOne<Priority>().WithMany().HasForeignKey(a => a.PriorityId).OnDelete(DeleteBehavior.Restrict);
        action.HasOne<Person>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        action.HasMany(a => a.Progress).WithOne().HasForeignKey(p => p.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionProgressMapping : IEntityTypeConfiguration<ActionProgress>
{
    public void Configure(EntityTypeBuilder<ActionProgress> progress)
    {
        progress.ToTable("board_action_progress");
        progress.HasKey(p => new { p.ActionId, p.Period });
        progress.Property(p => p.Note).HasMaxLength(2000);
    }
}

internal sealed class RiskMapping : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> risk)
    {
        risk.ToTable("risks");
        risk.Property(r => r.Title).HasMaxLength(300);
        risk.Property(r => r.Mitigation).HasMaxLength(2000);
        risk.HasIndex(r => r.PriorityId);
        risk.HasOne<Priority>().WithMany().HasForeignKey(r => r.PriorityId).OnDelete(DeleteBehavior.Cascade);
        risk.Ignore(r => r.ResidualScore);
    }
}

internal sealed class SelfAssessmentMapping : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> assessment)
    {
        assessment.ToTable("self_assessments");
        assessment.Property(a => a.Version).IsConcurrencyToken();
        assessment.Property(a => a.Concerns).HasMaxLength(SelfAssessment.MaxLength);
        assessment.HasIndex(a => new { a.DirectorateId, a.Period }).IsUnique();
        assessment.HasOne<Directorate>().WithMany().HasForeignKey(a => a.DirectorateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuarterReleaseMapping : IEntityTypeConfiguration<QuarterRelease>
{
    public void Configure(EntityTypeBuilder<QuarterRelease> release)
    {
        release.ToTable("quarter_releases");
        release.Property(r => r.Version).IsConcurrencyToken();
        release.HasIndex(r => r.Period).IsUnique();
    }
}

internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_log");
        entry.Property(e => e.EntityType).HasMaxLength(32);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.ActorName).HasMaxLength(200);
        entry.Property(e => e.Source).HasMaxLength(300);
        entry.HasIndex(e => new { e.EntityType, e.EntityId });
        entry.HasIndex(e => e.At);
    }
}

internal sealed class SchemaVersionMapping : IEntityTypeConfiguration<SchemaVersion>
{
    public void Configure(EntityTypeBuilder<SchemaVersion> version)
    {
        version.ToTable("schema_version");
        version.Property(v => v.Id).ValueGeneratedNever();
    }
}

internal sealed class OutboxMapping : IEntityTypeConfiguration<Outbox.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Outbox.OutboxMessage> message)
    {
        message.ToTable("outbox");
        message.Property(m => m.Key).HasMaxLength(Outbox.OutboxMessage.MaxKeyLength);
        message.HasIndex(m => m.Key).IsUnique();
        message.HasIndex(m => new { m.State, m.CreatedAt });
        message.Property(m => m.Kind).HasMaxLength(64);
        message.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.ConversationId).HasMaxLength(300);
        message.Property(m => m.ActivityId).HasMaxLength(300);
        message.Property(m => m.LastError).HasMaxLength(1000);
    }
}

internal sealed class CycleStateMapping : IEntityTypeConfiguration<Cycle.CycleState>
{
    public void Configure(EntityTypeBuilder<Cycle.CycleState> state)
    {
        state.ToTable("cycle_state");
        state.Property(s => s.Id).ValueGeneratedNever();
    }
}

internal sealed class DataVersionMapping : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> version)
    {
        version.ToTable("data_version");
        version.Property(v => v.Id).ValueGeneratedNever();
        // The row exists from the start: every save updates it without reading it.
        version.HasData(new { Id = DataVersion.SingletonId, Stamp = 0L });
    }
}
