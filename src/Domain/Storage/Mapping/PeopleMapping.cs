using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.People;
using PmfBot.Domain.Plans;

namespace PmfBot.Domain.Storage.Mapping;

internal sealed class PersonMapping : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.Property(p => p.Name).HasMaxLength(200);
        person.Property(p => p.Email).HasMaxLength(320);
        person.Property(p => p.JobTitle).HasMaxLength(200);
        person.Property(p => p.EntraObjectId).HasMaxLength(64);
        person.HasIndex(p => p.Email).IsUnique();
        person.HasIndex(p => p.EntraObjectId).IsUnique();
        person.HasOne<Person>().WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.Restrict);
        person.HasOne<Directorate>().WithMany().HasForeignKey(p => p.DirectorateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DirectorateMapping : IEntityTypeConfiguration<Directorate>
{
    public void Configure(EntityTypeBuilder<Directorate> directorate)
    {
        directorate.ToTable("directorates");
        directorate.Property(d => d.Name).HasMaxLength(200);
        directorate.Property(d => d.Code).HasMaxLength(32);
        directorate.HasIndex(d => d.Code).IsUnique();
        // No foreign key, like the performance lead's: a person and their directorate are saved together (a cycle).
        directorate.Ignore(d => d.SelfAssessedBy);
    }
}

internal sealed class PlanMapping : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> plan)
    {
        plan.ToTable("plans");
        plan.Property(p => p.Name).HasMaxLength(200);
        plan.Ignore(p => p.Accountability);
    }
}
