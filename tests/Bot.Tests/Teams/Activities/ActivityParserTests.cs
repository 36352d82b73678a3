using System.Text;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Tests.Teams.Support;

namespace PmfBot.Bot.Tests.Teams.Activities;

public sealed class ActivityParserTests
{
    private static Activity Parse(string payloadFile)
    {
        var result = ActivityParser.Parse(Encoding.UTF8.GetBytes(Payloads.Read(payloadFile)));
        Assert.True(result.Succeeded, result.Error);
        return result.Activity!;
    }

    private static ActivityParseResult ParseJson(string json) => ActivityParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_personal_message_gives_its_sender_tenant_and_text()
    {
        var message = Assert.IsType<MessageActivity>(Parse("personal-message.json"));

        Assert.Equal("1485983408511", message.Id);
        Assert.Equal(new Uri("https://smba.trafficmanager.net/amer/"), message.ServiceUrl);
        Assert.Equal("msteams", message.ChannelId);
        Assert.Equal("Megan Bowen", message.From.Name);
        Assert.Equal("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", message.From.AadObjectId);
        Assert.Equal("personal", message.Conversation.ConversationType);
        Assert.StartsWith("a:17I0kl9", message.Conversation.Id);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", message.TenantId);
        Assert.Equal("Hello Teams TestBot.Sending bold-italic rich text", message.CommandText);
        Assert.Empty(message.Mentions);
        Assert.Equal("text/html", Assert.Single(message.Attachments).ContentType);
    }

    [Fact]
    public void A_channel_message_mentioning_the_bot_loses_the_bot_mention_but_keeps_other_mentions()
    {
        var message = Assert.IsType<MessageActivity>(Parse("channel-message-mentioning-the-bot.json"));

        Assert.Equal("status CPP-H1 for <at>Pranav Smith</at>", message.CommandText);
        Assert.Equal(2, message.Mentions.Count);
        Assert.Equal("19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2;messageid=1699999999000", message.Conversation.Id);
        Assert.Equal("19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2", message.TeamsChannelId);
        Assert.Equal("19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2", message.TeamsTeamId);
        Assert.Equal("b28fdbfd-2b78-4f93-b0f8-8881793f0f8f", message.TenantId);
    }

    [Fact]
    public void A_mention_of_someone_else_is_not_stripped()
    {
        var message = Assert.IsType<MessageActivity>(Parse("channel-message-mentioning-a-person.json"));

        Assert.Equal("Hey <at>Pranav Smith</at> check out this message", message.CommandText);
        var mention = Assert.Single(message.Mentions);
        Assert.Equal("29:08q2j2o3jc09au90eucae", mention.Id);
        Assert.Equal("3UP4UTkzUk1zzeyW", message.ReplyToId);
        Assert.Null(message.TenantId);
    }

    [Theory]
    [InlineData("<at>PmfBot</at> help", "<at>PmfBot</at>", "help")]
    [InlineData("<at>@PmfBot</at>&nbsp;status NI 8", "<at>PmfBot</at>", "status NI 8")]
    [InlineData("status <at>PmfBot</at>  now", "<at>@PmfBot</at>", "status now")]
    [InlineData("<AT>pmfbot</AT>\u00a0rag", "<at>PmfBot</at>", "rag")]
    [InlineData("  just text  ", "<at>PmfBot</at>", "just text")]
    public void The_bot_mention_is_stripped_whatever_the_spelling(string text, string entityText, string expected)
    {
        var mentions = new[] { new Mention("28:bot", "PmfBot", entityText) };

        Assert.Equal(expected, ActivityParser.StripBotMention(text, mentions, "28:bot"));
    }

    [Fact]
    public void The_bot_added_to_a_team_is_a_conversation_update_with_team_and_selected_channel()
    {
        var update = Assert.IsType<ConversationUpdateActivity>(Parse("team-install-conversation-update.json"));

        Assert.True(update.BotWasAdded);
        Assert.Equal("teamMemberAdded", update.EventType);
        Assert.Equal("TestTeam2022", update.ChannelData!.Team!.Name);
        Assert.Equal("f3ec8cd2-e704-4344-8c47-9a3a21d683c0", update.ChannelData.Team.AadGroupId);
        Assert.Equal("19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2", update.ChannelData.Settings!.SelectedChannel!.Id);
        Assert.Equal("eddfa9d4-346e-4cce-a18f-fa6261ad776b", update.From.AadObjectId);
        Assert.Null(update.From.Name);
        Assert.Equal("b28fdbfd-2b78-4f93-b0f8-8881793f0f8f", update.TenantId);
    }

    [Fact]
    public void The_bot_added_to_a_personal_chat_lists_the_bot_and_the_person()
    {
        var update = Assert.IsType<ConversationUpdateActivity>(Parse("personal-install-conversation-update.json"));

        Assert.True(update.BotWasAdded);
        Assert.Equal(["28:f5d48856-5b42-41a0-8c3a-c5f944b679b0", "29:<userID>"], update.MembersAdded.Select(m => m.Id));
        Assert.Equal("personal", update.Conversation.ConversationType);
    }

    [Fact]
    public void A_channel_created_event_carries_the_new_channel_and_is_not_a_bot_install()
    {
        var update = Assert.IsType<ConversationUpdateActivity>(Parse("channel-created-conversation-update.json"));

        Assert.False(update.BotWasAdded);
        Assert.Equal("channelCreated", update.EventType);
        Assert.Equal("FunDiscussions", update.ChannelData!.Channel!.Name);
    }

    [Fact]
    public void An_installation_update_says_add_and_where()
    {
        var install = Assert.IsType<InstallationUpdateActivity>(Parse("installation-update-add.json"));

        Assert.True(install.IsAdd);
        Assert.False(install.IsRemove);
        Assert.Equal("19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2", install.TeamsChannelId);
        Assert.Equal("en-US", install.Locale);
    }

    [Fact]
    public void An_adaptive_card_action_invoke_gives_verb_data_trigger_and_the_card_message_id()
    {
        var invoke = Assert.IsType<InvokeActivity>(Parse("invoke-adaptive-card-action.json"));

        Assert.Equal(InvokeActivity.AdaptiveCardActionName, invoke.Name);
        Assert.Equal("1715505481234", invoke.ReplyToId);
        var action = invoke.CardAction!;
        Assert.Equal("Action.Execute", action.Type);
        Assert.Equal("refresh", action.Verb);
        Assert.Equal("R-2025-Q1-CPP-H1", action.Data!["returnId"]!.GetValue<string>());
        Assert.False(action.IsRefresh);
    }

    [Fact]
    public void A_reaction_gives_its_type_and_the_message_reacted_to()
    {
        var reaction = Assert.IsType<MessageReactionActivity>(Parse("message-reaction-added.json"));

        Assert.Equal("like", Assert.Single(reaction.ReactionsAdded).Type);
        Assert.Equal("1575667808184", reaction.ReplyToId);
    }

    [Theory]
    [InlineData("messageUpdate", "editMessage", typeof(MessageUpdateActivity))]
    [InlineData("messageUpdate", "undeleteMessage", typeof(MessageUpdateActivity))]
    [InlineData("messageDelete", "softDeleteMessage", typeof(MessageDeleteActivity))]
    public void Edits_and_deletes_are_typed_with_their_event_type(string type, string eventType, Type expected)
    {
        var result = ParseJson("""
            {"type":"TYPE","id":"1","serviceUrl":"https://smba.trafficmanager.net/uk/","channelId":"msteams",
             "conversation":{"id":"a:1"},"channelData":{"eventType":"EVENT","tenant":{"id":"t"}}}
            """.Replace("TYPE", type).Replace("EVENT", eventType));

        Assert.IsType(expected, result.Activity);
        Assert.Equal(eventType, result.Activity!.ChannelData!.EventType);
    }

    [Fact]
    public void An_event_without_a_sender_name_parses()
    {
        var result = ParseJson("""{"type":"event","name":"application/vnd.microsoft.meetingStart","serviceUrl":"https://smba.trafficmanager.net/uk/","channelId":"msteams","from":{"id":"29:x"},"conversation":{"id":"19:m"},"value":{"Title":"Board"}}""");

        var evt = Assert.IsType<EventActivity>(result.Activity);
        Assert.Equal("application/vnd.microsoft.meetingStart", evt.Name);
        Assert.Null(evt.From.Name);
    }

    [Fact]
    public void An_unknown_type_with_unknown_fields_is_accepted_as_unknown()
    {
        var result = ParseJson("""{"type":"handoff","serviceUrl":"https://smba.trafficmanager.net/uk/","channelId":"msteams","somethingNew":{"a":[1,2]},"x":true}""");

        Assert.IsType<UnknownActivity>(result.Activity);
    }

    [Theory]
    [InlineData("""{"type":"message","text":""", "not a valid activity")]
    [InlineData("""["not","an","object"]""", "not a valid activity")]
    [InlineData("""{"type":"message","serviceUrl":123,"channelId":"msteams"}""", "not a valid activity")]
    [InlineData("null", "empty")]
    [InlineData("""{"serviceUrl":"https://x.example/","channelId":"msteams","conversation":{"id":"a"}}""", "no type")]
    [InlineData("""{"type":"message","channelId":"msteams","conversation":{"id":"a"}}""", "no serviceUrl")]
    [InlineData("""{"type":"message","serviceUrl":"not a url","channelId":"msteams","conversation":{"id":"a"}}""", "not an absolute")]
    [InlineData("""{"type":"message","serviceUrl":"ftp://x.example/","channelId":"msteams","conversation":{"id":"a"}}""", "not an absolute")]
    [InlineData("""{"type":"message","serviceUrl":"https://x.example/","conversation":{"id":"a"}}""", "no channelId")]
    [InlineData("""{"type":"message","serviceUrl":"https://x.example/","channelId":"msteams"}""", "no conversation.id")]
    [InlineData("""{"type":"invoke","serviceUrl":"https://x.example/","channelId":"msteams","conversation":{}}""", "no conversation.id")]
    public void Bodies_missing_what_the_bot_needs_are_refused_with_a_short_reason(string json, string reason)
    {
        var result = ParseJson(json);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Error);
    }
}
