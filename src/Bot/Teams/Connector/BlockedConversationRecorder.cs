using PmfBot.Domain.Conversations;

namespace PmfBot.Bot.Teams.Connector;

/// <summary>
/// When Teams answers MessageWritesBlocked, marks the conversation reference and its person as blocked
/// (in a scope of its own, so the caller's unit of work is untouched). A failure to record is logged; the
/// caller still gets <see cref="BotBlockedByUserException"/>.
/// </summary>
internal sealed class BlockedConversationRecorder(IServiceScopeFactory scopes, ILogger<BlockedConversationRecorder> logger)
{
    public async Task RecordAsync(string conversationId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>();
            if (!await store.RecordBlockedAsync(conversationId, CancellationToken.None))
                logger.LogWarning("Conversation {ConversationId} is blocked, but no conversation reference is stored for it", conversationId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not record that conversation {ConversationId} blocked the bot", conversationId);
        }
    }
}
