using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Boards.Meetings;
using PmfBot.Domain.People;

namespace PmfBot.Domain.Storage.Mapping;

internal sealed class BoardMeetingChatMapping : IEntityTypeConfiguration<BoardMeetingChat>
{
    public void Configure(EntityTypeBuilder<BoardMeetingChat> chat)
    {
        chat.ToTable("board_meeting_chats");
        chat.HasKey(c => c.ConversationId);
        chat.Property(c => c.ConversationId).HasMaxLength(BoardMeetingChat.MaxConversationIdLength);
        chat.HasIndex(c => c.BoardId);
        chat.HasOne<Board>().WithMany().HasForeignKey(c => c.BoardId).OnDelete(DeleteBehavior.Cascade);
        chat.HasOne<Person>().WithMany().HasForeignKey(c => c.LinkedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingSummaryPostMapping : IEntityTypeConfiguration<MeetingSummaryPost>
{
    public void Configure(EntityTypeBuilder<MeetingSummaryPost> post)
    {
        post.ToTable("meeting_summary_posts");
        post.HasKey(p => p.Key);
        post.Property(p => p.Key).HasMaxLength(MeetingSummaryPost.KeyLength);
        post.Property(p => p.ConversationId).HasMaxLength(BoardMeetingChat.MaxConversationIdLength);
        post.HasOne<Board>().WithMany().HasForeignKey(p => p.BoardId).OnDelete(DeleteBehavior.Cascade);
    }
}
