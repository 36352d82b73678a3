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
        reference.Property(r => r.ServiceUrl).HasMaxLength(ConversationReference.MaxServiceUrlLength);
        reference.Property(r => r.ChannelId).HasMaxLength(ConversationReference.MaxChannelIdLength);
        reference.Property(r => r.TenantId).HasMaxLength(ConversationReference.MaxShortIdLength);
        reference.Property(r => r.ConversationId).HasMaxLength(ConversationReference.MaxIdLength);
        reference.HasIndex(r => r.ConversationId);
        reference.Property(r => r.UserId).HasMaxLength(ConversationReference.MaxIdLength);
        reference.Property(r => r.EntraObjectId).HasMaxLength(ConversationReference.MaxShortIdLength);
        reference.HasIndex(r => r.EntraObjectId);
        reference.Property(r => r.UserName).HasMaxLength(ConversationReference.MaxNameLength);
        reference.Property(r => r.TeamsChannelId).HasMaxLength(ConversationReference.MaxIdLength);
        reference.Property(r => r.TeamId).HasMaxLength(ConversationReference.MaxIdLength);
        reference.Property(r => r.TeamAadGroupId).HasMaxLength(ConversationReference.MaxShortIdLength);
        reference.Property(r => r.TeamName).HasMaxLength(ConversationReference.MaxNameLength);
        reference.Property(r => r.BotId).HasMaxLength(ConversationReference.MaxNameLength);
        reference.Ignore(r => r.CanBeMessaged);
    }
}
