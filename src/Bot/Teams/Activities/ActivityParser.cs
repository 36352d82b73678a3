using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PmfBot.Domain.Conversations;

namespace PmfBot.Bot.Teams.Activities;

/// <summary>The outcome of parsing a request body: an activity, or a short reason fit for a 400 answer.</summary>
public sealed record ActivityParseResult(Activity? Activity, string? Error)
{
    public bool Succeeded => Activity is not null;
}

/// <summary>Reads a Bot Framework activity from JSON into the typed records, checking the fields PmfBot relies on.</summary>
public static partial class ActivityParser
{
    private static readonly HashSet<string> TypesNeedingConversation = new(StringComparer.OrdinalIgnoreCase)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke,
        ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete,
    };

    public static ActivityParseResult Parse(ReadOnlySpan<byte> json)
    {
        if (ActivityJsonCheck.Problem(json) is { } problem)
            return Fail(problem);

        ActivityPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(json, ActivityJsonContext.Default.ActivityPayload);
        }
        catch (JsonException)
        {
            return Fail("The body is not a valid activity (malformed JSON or a field of the wrong type).");
        }

        if (payload is null)
            return Fail("The body is empty.");
        if (string.IsNullOrWhiteSpace(payload.Type))
            return Fail("The activity has no type.");
        if (string.IsNullOrWhiteSpace(payload.ServiceUrl))
            return Fail("The activity has no serviceUrl.");
        if (!Uri.TryCreate(payload.ServiceUrl, UriKind.Absolute, out var serviceUrl) ||
            (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
            return Fail("The activity's serviceUrl is not an absolute http(s) URL.");
        if (string.IsNullOrWhiteSpace(payload.ChannelId))
            return Fail("The activity has no channelId.");
        if (TypesNeedingConversation.Contains(payload.Type) && string.IsNullOrWhiteSpace(payload.Conversation?.Id))
            return Fail($"The {payload.Type} activity has no conversation.id.");
        if (Identifiers(payload).FirstOrDefault(i => i.Value?.Length > i.Max) is { Field: { } field } tooLong)
            return Fail($"The activity's {field} is longer than Teams ever sends ({tooLong.Max} characters).");

        try
        {
            return new ActivityParseResult(ToActivity(payload, serviceUrl), null);
        }
        catch (JsonException)
        {
            // Only the card action is read further than the payload: value.action with a field of the wrong type.
            return Fail("The invoke's value.action is not a valid card action (a field of the wrong type).");
        }
    }

    private static ActivityParseResult Fail(string error) => new(null, error);

    /// <summary>The ids PmfBot stores to reach people and channels later, with the most each column holds.</summary>
    private static IEnumerable<(string Field, string? Value, int Max)> Identifiers(ActivityPayload p)
    {
        const int id = ConversationReference.MaxIdLength, shortId = ConversationReference.MaxShortIdLength;
        yield return ("serviceUrl", p.ServiceUrl, ConversationReference.MaxServiceUrlLength);
        yield return ("channelId", p.ChannelId, ConversationReference.MaxChannelIdLength);
        yield return ("conversation.id", p.Conversation?.Id, id);
        yield return ("conversation.tenantId", p.Conversation?.TenantId, shortId);
        yield return ("from.id", p.From?.Id, id);
        yield return ("from.aadObjectId", p.From?.AadObjectId, shortId);
        yield return ("recipient.id", p.Recipient?.Id, ConversationReference.MaxNameLength);
        yield return ("channelData.tenant.id", p.ChannelData?.Tenant?.Id, shortId);
        yield return ("channelData.team.id", p.ChannelData?.Team?.Id, id);
        yield return ("channelData.team.aadGroupId", p.ChannelData?.Team?.AadGroupId, shortId);
        yield return ("channelData.channel.id", p.ChannelData?.Channel?.Id, id);
        yield return ("channelData.teamsChannelId", p.ChannelData?.TeamsChannelId, id);
        yield return ("channelData.teamsTeamId", p.ChannelData?.TeamsTeamId, id);
        yield return ("channelData.settings.selectedChannel.id", p.ChannelData?.Settings?.SelectedChannel?.Id, id);
        foreach (var member in (p.MembersAdded ?? []).Concat(p.MembersRemoved ?? []).OfType<ChannelAccount>())
        {
            yield return ("membersAdded/membersRemoved id", member.Id, id);
            yield return ("membersAdded/membersRemoved aadObjectId", member.AadObjectId, shortId);
        }
    }

    /// <summary>A list as sent, without the nulls JSON allows in it (<c>"membersAdded": [null]</c>).</summary>
    private static List<T> Present<T>(List<T?>? items)
        where T : class => items?.OfType<T>().ToList() ?? [];

    private static Activity ToActivity(ActivityPayload p, Uri serviceUrl)
    {
        Activity activity = p.Type!.ToLowerInvariant() switch
        {
            "message" => Message(p),
            "conversationupdate" => new ConversationUpdateActivity
            {
                Type = p.Type!, ServiceUrl = serviceUrl, ChannelId = p.ChannelId!,
                MembersAdded = Present(p.MembersAdded), MembersRemoved = Present(p.MembersRemoved),
            },
            "installationupdate" => new InstallationUpdateActivity { Type = p.Type!, ServiceUrl = serviceUrl, ChannelId = p.ChannelId!, Action = p.Action },
            "invoke" => new InvokeActivity
            {
                Type = p.Type!, ServiceUrl = serviceUrl, ChannelId = p.ChannelId!, Name = p.Name, Value = p.Value,
                CardAction = string.Equals(p.Name, InvokeActivity.AdaptiveCardActionName, StringComparison.OrdinalIgnoreCase) ? CardAction(p.Value) : null,
            },
            "messagereaction" => new MessageReactionActivity
            {
                Type = p.Type!, ServiceUrl = serviceUrl, ChannelId = p.ChannelId!,
                ReactionsAdded = Present(p.ReactionsAdded), ReactionsRemoved = Present(p.ReactionsRemoved),
            },
            "messageupdate" => new MessageUpdateActivity { Type = p.Type!, ServiceUrl = serviceUrl, ChannelId = p.ChannelId!, Text = p.Text },
            "messagedelete" => new MessageDeleteActivity { Type = p.Type!, ServiceUrl = serviceUrl, ChannelId = p.ChannelId! },
            "event" => new EventActivity { Type = p.Type!, ServiceUrl = serviceUrl, ChannelId = p.ChannelId!, Name = p.Name, Value = p.Value },
            _ => new UnknownActivity { Type = p.Type!, ServiceUrl = serviceUrl, ChannelId = p.ChannelId! },
        };

        return activity with
        {
            Id = p.Id,
            Timestamp = p.Timestamp,
            From = p.From ?? new ChannelAccount(),
            Recipient = p.Recipient ?? new ChannelAccount(),
            Conversation = p.Conversation ?? new ConversationAccount(),
            ChannelData = p.ChannelData,
            ReplyToId = p.ReplyToId,
            Locale = p.Locale,
        };

        MessageActivity Message(ActivityPayload m)
        {
            var mentions = Present(m.Entities)
                .Where(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase))
                .Select(e => new Mention(e.Mentioned?.Id, e.Mentioned?.Name, e.Text))
                .ToList();
            return new MessageActivity
            {
                Type = m.Type!, ServiceUrl = serviceUrl, ChannelId = m.ChannelId!,
                Text = m.Text, TextFormat = m.TextFormat, Mentions = mentions, Attachments = Present(m.Attachments), Value = m.Value,
                CommandText = StripBotMention(m.Text, mentions, m.Recipient?.Id),
            };
        }
    }

    private static AdaptiveCardAction? CardAction(JsonNode? value)
    {
        if (value is not JsonObject)
            return null;
        var payload = value.Deserialize(ActivityJsonContext.Default.AdaptiveCardActionPayload);
        return payload?.Action is { } a ? new AdaptiveCardAction(a.Type, a.Id, a.Verb, a.Data, payload.Trigger) : null;
    }

    /// <summary>
    /// Removes the bot's own @mention: the entity's <c>text</c> where it appears verbatim, otherwise any
    /// <c>&lt;at&gt;</c> tag holding the bot's name (Teams' entity text and message text do not always agree,
    /// e.g. <c>&lt;at&gt;@Name&lt;/at&gt;</c> against <c>&lt;at&gt;Name&lt;/at&gt;</c>). Other people's mentions are kept.
    /// </summary>
    internal static string StripBotMention(string? text, IReadOnlyList<Mention> mentions, string? botId)
    {
        if (string.IsNullOrEmpty(text))
            return "";

        var result = text;
        if (!string.IsNullOrEmpty(botId))
        {
            foreach (var mention in mentions.Where(m => string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase)))
            {
                if (!string.IsNullOrEmpty(mention.Text) && result.Contains(mention.Text, StringComparison.Ordinal))
                    result = result.Replace(mention.Text, " ", StringComparison.Ordinal);

                foreach (var name in new[] { mention.Name, InnerText(mention.Text) }.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct())
                    result = Regex.Replace(result, $"<at>@?{Regex.Escape(name!.TrimStart('@'))}</at>", " ", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            }
        }

        result = result.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase).Replace('\u00a0', ' ');
        return Whitespace().Replace(result, " ").Trim();
    }

    private static string? InnerText(string? mentionText)
    {
        if (mentionText is null)
            return null;
        var match = AtTag().Match(mentionText);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<at>(.*?)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();
}
