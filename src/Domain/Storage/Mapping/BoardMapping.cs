using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.People;
using PmfBot.Domain.Plans;
using PmfBot.Domain.Priorities;

namespace PmfBot.Domain.Storage.Mapping;

internal sealed class BoardMapping : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> board)
    {
        board.ToTable("boards");
        board.Property(b => b.Name).HasMaxLength(200);
        board.HasIndex(b => b.Name).IsUnique();
        board.HasOne<Person>().WithMany().HasForeignKey(b => b.ChairId).OnDelete(DeleteBehavior.Restrict);
        board.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BoardId).OnDelete(DeleteBehavior.Cascade);
        board.OwnsOne(b => b.Channel, channel =>
        {
            channel.Property(c => c.TeamId).HasColumnName("channel_team_id").HasMaxLength(200);
            channel.Property(c => c.ChannelId).HasColumnName("channel_id").HasMaxLength(200);
            channel.Property(c => c.ChannelName).HasColumnName("channel_name").HasMaxLength(200);
        });
        board.Ignore(b => b.OwnsPriorities);
        board.Ignore(b => b.IsScrutiny);
    }
}

internal sealed class BoardMemberMapping : IEntityTypeConfiguration<BoardMember>
{
    public void Configure(EntityTypeBuilder<BoardMember> member)
    {
        member.ToTable("board_members");
        member.HasKey(m => new { m.BoardId, m.PersonId });
        member.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PriorityMapping : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> priority)
    {
        priority.ToTable("priorities");
        priority.Property(p => p.Code).HasMaxLength(32);
        priority.Property(p => p.Title).HasMaxLength(300);
        priority.Property(p => p.Outcome).HasMaxLength(300);
        priority.HasIndex(p => p.Code).IsUnique();
        priority.HasIndex(p => p.BoardId);
        priority.HasOne<Plan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
        priority.HasOne<Board>().WithMany().HasForeignKey(p => p.BoardId).OnDelete(DeleteBehavior.Restrict);
        priority.HasOne<Person>().WithMany().HasForeignKey(p => p.LeadOfficerId).OnDelete(DeleteBehavior.Restrict);
        priority.HasOne<Directorate>().WithMany().HasForeignKey(p => p.DirectorateId).OnDelete(DeleteBehavior.Restrict);
    }
}
