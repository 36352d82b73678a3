using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Priorities;

namespace PmfBot.Domain.Storage.Mapping;

internal sealed class IndicatorMapping : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> indicator)
    {
        indicator.ToTable("indicators");
        indicator.Property(i => i.Code).HasMaxLength(32);
        indicator.Property(i => i.Title).HasMaxLength(300);
        indicator.Property(i => i.Unit).HasMaxLength(50);
        indicator.Property(i => i.BenchmarkSource).HasMaxLength(200);
        indicator.HasIndex(i => i.Code).IsUnique();
        indicator.HasIndex(i => i.OwnerId);
        indicator.HasOne<Person>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        indicator.HasOne<Directorate>().WithMany().HasForeignKey(i => i.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        indicator.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        indicator.HasMany(i => i.Collators).WithOne().HasForeignKey(c => c.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        indicator.HasMany(i => i.Priorities).WithOne().HasForeignKey(p => p.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        indicator.Ignore(i => i.ServesSeveralPriorities);
        indicator.Ignore(i => i.IsRetired);
    }
}

internal sealed class IndicatorTargetMapping : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> target)
    {
        target.ToTable("indicator_targets");
        target.HasKey(t => new { t.IndicatorId, t.Period });
        // A retired target is history: only the import, which reinstates it, reads it (IgnoreQueryFilters).
        target.HasQueryFilter(t => t.RetiredAt == null);
    }
}

internal sealed class IndicatorCollatorMapping : IEntityTypeConfiguration<IndicatorCollator>
{
    public void Configure(EntityTypeBuilder<IndicatorCollator> collator)
    {
        collator.ToTable("indicator_collators");
        collator.HasKey(c => new { c.IndicatorId, c.PersonId });
        collator.HasQueryFilter(c => c.RetiredAt == null);
        collator.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorPriorityMapping : IEntityTypeConfiguration<IndicatorPriority>
{
    public void Configure(EntityTypeBuilder<IndicatorPriority> link)
    {
        link.ToTable("indicator_priorities");
        link.HasKey(l => new { l.IndicatorId, l.PriorityId });
        link.HasQueryFilter(l => l.RetiredAt == null);
        link.HasIndex(l => l.PriorityId);
        link.HasOne<Priority>().WithMany().HasForeignKey(l => l.PriorityId).OnDelete(DeleteBehavior.Cascade);
    }
}
