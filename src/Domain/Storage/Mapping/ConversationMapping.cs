using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PmfBot.Domain.Conversations;

namespace PmfBot.Domain.Storage.Mapping;

internal sealed class ConversationReferenceMapping : IEntityTypeConfiguration<ConversationReference>
{
    public void Configure(EntityTypeBuilder<ConversationReference> reference)
    {
        reference.ToTable("conversation_references");
        reference.Property(r => r.Key).HasMaxLength(ConversationReference.MaxIdLength + 16);
        reference.HasIndex(r => r.Key).IsUnique();
        reference.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        reference.Property(r => r.ServiceUrl).HasMaxLength(400);
        reference.Property(r => r.ChannelId).HasMaxLength(32);
        reference.Property(r => r.TenantId).HasMaxLength(64);
        reference.Property(r => r.ConversationId).HasMaxLength(ConversationReference.MaxIdLength);
        reference.HasIndex(r => r.ConversationId);
        reference.Property(r => r.UserId).HasMaxLength(ConversationReference.MaxIdLength);
        reference.Property(r => r.EntraObjectId).HasMaxLength(64);
        reference.HasIndex(r => r.EntraObjectId);
        reference.Property(r => r.UserName).HasMaxLength(200);
        reference.Property(r => r.TeamsChannelId).HasMaxLength(ConversationReference.MaxIdLength);
        reference.Property(r => r.TeamId).HasMaxLength(ConversationReference.MaxIdLength);
        reference.Property(r => r.TeamAadGroupId).HasMaxLength(64);
        reference.Property(r => r.TeamName).HasMaxLength(200);
        reference.Property(r => r.BotId).HasMaxLength(200);
        reference.Ignore(r => r.CanBeMessaged);
    }
}
