using PmfBot.Bot.Teams.Activities;
using PmfBot.Domain.Conversations;

namespace PmfBot.Bot.Teams.Messaging;

/// <summary>
/// Stores where each inbound activity says the bot can reach people and channels (every accepted
/// activity, invokes and installs included), so the scheduler can message them later.
/// </summary>
internal sealed class ConversationReferenceRecorder(ConversationReferenceStore store, ILogger<ConversationReferenceRecorder> logger) : IInboundActivityObserver
{
    public async Task OnActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var sightings = Sightings(activity);
        if (sightings.Count == 0)
        {
            logger.LogDebug("{ActivityType} activity {ActivityId} names no conversation to remember", activity.Type, activity.Id);
            return;
        }

        await store.RecordAsync(sightings, cancellationToken);
    }

    /// <summary>What an activity tells about its conversation and the people in it.</summary>
    internal static IReadOnlyList<ConversationSighting> Sightings(Activity activity)
    {
        var sightings = new List<ConversationSighting>();
        var conversationId = activity.Conversation.Id;
        if (string.IsNullOrEmpty(conversationId))
            return sightings;

        var installed = activity is InstallationUpdateActivity { IsAdd: true } or ConversationUpdateActivity { BotWasAdded: true };
        var removed = activity is InstallationUpdateActivity { IsRemove: true } or ConversationUpdateActivity { BotWasRemoved: true };
        var common = new ConversationSighting
        {
            Key = "",
            Kind = ConversationKind.Personal,
            ServiceUrl = activity.ServiceUrl.OriginalString,
            ChannelId = activity.ChannelId,
            TenantId = activity.TenantId,
            BotId = activity.Recipient.Id,
            Installed = installed,
            Removed = removed,
        };

        switch (KindOf(activity))
        {
            case ConversationKind.Personal:
                if (Person(activity.From) is { } me)
                    sightings.Add(common with { Key = ConversationReference.PersonKey(me.AadObjectId!), ConversationId = conversationId, UserId = me.Id, EntraObjectId = me.AadObjectId, UserName = me.Name });
                break;

            case ConversationKind.Channel:
                var channelId = activity.TeamsChannelId
                    ?? activity.ChannelData?.Settings?.SelectedChannel?.Id
                    ?? TopLevel(conversationId);
                var team = activity.ChannelData?.Team;
                sightings.Add(common with
                {
                    Key = ConversationReference.ChannelKey(channelId),
                    Kind = ConversationKind.Channel,
                    ConversationId = channelId,
                    TeamsChannelId = channelId,
                    TeamId = team?.Id ?? activity.ChannelData?.TeamsTeamId,
                    TeamAadGroupId = team?.AadGroupId,
                    TeamName = team?.Name,
                });
                AddPeople(activity, common, sightings);
                break;

            case ConversationKind.GroupChat:
                sightings.Add(common with { Key = ConversationReference.ChatKey(TopLevel(conversationId)), Kind = ConversationKind.GroupChat, ConversationId = TopLevel(conversationId) });
                AddPeople(activity, common, sightings);
                break;
        }

        return sightings;
    }

    /// <summary>People seen outside their 1:1 chat: their ids are kept, their 1:1 conversation is left as it is.</summary>
    private static void AddPeople(Activity activity, ConversationSighting common, List<ConversationSighting> sightings)
    {
        var people = new List<ChannelAccount> { activity.From };
        if (activity is ConversationUpdateActivity update)
            people.AddRange(update.MembersAdded);

        foreach (var person in people.Select(Person).OfType<ChannelAccount>().DistinctBy(p => p.AadObjectId!.ToLowerInvariant()))
        {
            sightings.Add(common with
            {
                Key = ConversationReference.PersonKey(person.AadObjectId!),
                Kind = ConversationKind.Personal,
                UserId = person.Id,
                EntraObjectId = person.AadObjectId,
                UserName = person.Name,
                Installed = false,
                Removed = false,
            });
        }
    }

    /// <summary>A person (not a bot) with an Entra object id.</summary>
    private static ChannelAccount? Person(ChannelAccount account) =>
        !string.IsNullOrWhiteSpace(account.AadObjectId) && account.Id is { } id && !id.StartsWith("28:", StringComparison.Ordinal) ? account : null;

    private static ConversationKind KindOf(Activity activity) => activity.Conversation.ConversationType?.ToLowerInvariant() switch
    {
        "channel" => ConversationKind.Channel,
        "groupchat" => ConversationKind.GroupChat,
        "personal" => ConversationKind.Personal,
        _ when activity.ChannelData?.Team is not null || activity.TeamsChannelId is not null => ConversationKind.Channel,
        _ when activity.Conversation.IsGroup == true => ConversationKind.GroupChat,
        _ => ConversationKind.Personal,
    };

    /// <summary>A channel thread's conversation id without its <c>;messageid=</c>: the channel itself.</summary>
    private static string TopLevel(string conversationId) => conversationId.Split(';', 2)[0];
}
