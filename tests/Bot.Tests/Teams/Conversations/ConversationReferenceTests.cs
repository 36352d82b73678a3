using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Bot.Tests.Teams.Support;
using PmfBot.Domain.Conversations;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PmfBot.Bot.Tests.Teams.Conversations;

public sealed class ConversationSightingTests
{
    private static Activity Parse(string payload) => ActivityParser.Parse(Encoding.UTF8.GetBytes(Payloads.Read(payload))).Activity!;

    [Fact]
    public void A_personal_message_gives_the_persons_1to1_conversation()
    {
        var sighting = Assert.Single(ConversationReferenceRecorder.Sightings(Parse("personal-message.json")));

        Assert.Equal(ConversationKind.Personal, sighting.Kind);
        Assert.Equal("person:7faf8ab2-3d56-4244-b585-20c8a42ed2b8", sighting.Key);
        Assert.StartsWith("a:17I0kl9", sighting.ConversationId);
        Assert.StartsWith("29:1XJKJMvc5", sighting.UserId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", sighting.ServiceUrl);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", sighting.TenantId);
        Assert.Equal("28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", sighting.BotId);
        Assert.False(sighting.Installed);
    }

    [Fact]
    public void A_channel_message_gives_the_channel_and_the_sender_without_touching_their_1to1_conversation()
    {
        var sightings = ConversationReferenceRecorder.Sightings(Parse("channel-message-mentioning-the-bot.json"));

        var channel = Assert.Single(sightings, s => s.Kind == ConversationKind.Channel);
        Assert.Equal("channel:19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2", channel.Key);
        Assert.Equal("19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2", channel.ConversationId);
        Assert.Equal("19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2", channel.TeamId);
        var person = Assert.Single(sightings, s => s.Kind == ConversationKind.Personal);
        Assert.Equal("person:eddfa9d4-346e-4cce-a18f-fa6261ad776b", person.Key);
        Assert.Null(person.ConversationId);
        Assert.Equal("29:1ljv6N86roXr5pjPrCJVIz6xHh5QxjI", person.UserId);
    }

    [Fact]
    public void Installing_the_app_in_a_team_records_the_selected_channel_as_installed()
    {
        var channel = Assert.Single(ConversationReferenceRecorder.Sightings(Parse("team-install-conversation-update.json")), s => s.Kind == ConversationKind.Channel);

        Assert.True(channel.Installed);
        Assert.Equal("19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2", channel.TeamsChannelId);
        Assert.Equal("f3ec8cd2-e704-4344-8c47-9a3a21d683c0", channel.TeamAadGroupId);
        Assert.Equal("TestTeam2022", channel.TeamName);
        Assert.Equal("b28fdbfd-2b78-4f93-b0f8-8881793f0f8f", channel.TenantId);
    }

    [Fact]
    public void An_installation_update_marks_install_and_uninstall()
    {
        var install = Parse("installation-update-add.json");
        var uninstall = (InstallationUpdateActivity)install with { Action = "remove" };

        Assert.True(ConversationReferenceRecorder.Sightings(install).Single(s => s.Kind == ConversationKind.Channel).Installed);
        Assert.True(ConversationReferenceRecorder.Sightings(uninstall).Single(s => s.Kind == ConversationKind.Channel).Removed);
    }

    [Fact]
    public void The_bot_itself_is_never_recorded_as_a_person()
    {
        var sightings = ConversationReferenceRecorder.Sightings(Parse("personal-install-conversation-update.json"));

        Assert.DoesNotContain(sightings, s => s.UserId?.StartsWith("28:") == true);
    }
}

/// <summary>References recorded by the running bot from activities posted to /api/messages.</summary>
public sealed class ConversationReferenceRecordingTests : IAsyncLifetime
{
    private readonly BotApplication _bot = BotApplication.Local();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task PostAsync(params JsonObject[] activities)
    {
        var client = _bot.CreateClient();
        foreach (var activity in activities)
        {
            var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await _bot.Queue.WhenIdleAsync();
    }

    private async Task<List<ConversationReference>> ReferencesAsync()
    {
        using var scope = _bot.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PmfDbContext>().ConversationReferences.AsNoTracking().OrderBy(r => r.Key).ToListAsync();
    }

    [Fact]
    public async Task Every_inbound_activity_leaves_a_reference_the_scheduler_can_find()
    {
        await PostAsync(Payloads.ForBot("personal-message.json"), Payloads.ForBot("team-install-conversation-update.json"));

        using var scope = _bot.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>();
        var megan = await store.FindPersonAsync("7FAF8AB2-3D56-4244-B585-20C8A42ED2B8");
        Assert.NotNull(megan);
        Assert.StartsWith("a:17I0kl9", megan.ConversationId);
        Assert.Equal(BotApplication.ServiceUrl, megan.ServiceUrl);
        Assert.Equal(BotApplication.TenantId, megan.TenantId);
        Assert.True(megan.CanBeMessaged);
        var channel = await store.FindChannelAsync("19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2");
        Assert.NotNull(channel);
        Assert.Equal("TestTeam2022", channel.TeamName);
    }

    [Fact]
    public async Task An_invoke_is_recorded_too()
    {
        await PostAsync(Payloads.ForBot("invoke-adaptive-card-action.json"));

        var reference = Assert.Single(await ReferencesAsync());
        Assert.Equal("person:7faf8ab2-3d56-4244-b585-20c8a42ed2b8", reference.Key);
    }

    [Fact]
    public async Task Many_messages_from_one_chat_at_once_make_one_reference()
    {
        var client = _bot.CreateClient();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
        {
            var message = Payloads.ForBot("personal-message.json");
            message["id"] = $"m-{i}";
            return client.PostAsync("/api/messages", new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"));
        }));
        await _bot.Queue.WhenIdleAsync();

        Assert.Single(await ReferencesAsync());
    }

    [Fact]
    public async Task Uninstalling_marks_the_channel_and_installing_again_clears_it()
    {
        var uninstall = Payloads.ForBot("installation-update-add.json");
        uninstall["action"] = "remove";

        await PostAsync(Payloads.ForBot("installation-update-add.json"), uninstall);
        var removed = (await ReferencesAsync()).Single(r => r.Kind == ConversationKind.Channel);
        Assert.NotNull(removed.RemovedAt);
        Assert.False(removed.CanBeMessaged);

        await PostAsync(Payloads.ForBot("installation-update-add.json"));
        Assert.Null((await ReferencesAsync()).Single(r => r.Kind == ConversationKind.Channel).RemovedAt);
    }

    [Fact]
    public async Task A_refused_activity_leaves_no_reference()
    {
        var bad = Payloads.ForBot("personal-message.json");
        bad.Remove("conversation");

        await _bot.CreateClient().PostAsync("/api/messages", new StringContent(bad.ToJsonString(), Encoding.UTF8, "application/json"));
        await _bot.Queue.WhenIdleAsync();

        Assert.Empty(await ReferencesAsync());
    }
}

public sealed class BlockedConversationTests : IAsyncLifetime
{
    private const string ObjectId = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8";
    private readonly ConnectorHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_recorded_against_the_person_and_the_reference()
    {
        _harness.IssueTokens();
        await using (var db = _harness.Database.NewContext())
        {
            var person = new Person(Guid.NewGuid(), "Megan Bowen", "meganb@leeds.gov.uk");
            person.LinkEntraObjectId(ObjectId);
            db.People.Add(person);
            await db.SaveChangesAsync();
            await new ConversationReferenceStore(db, TimeProvider.System, new RecentSightings()).RecordAsync([new ConversationSighting
            {
                Key = ConversationReference.PersonKey(ObjectId),
                Kind = ConversationKind.Personal,
                ServiceUrl = _harness.ServiceUrl.AbsoluteUri,
                ChannelId = "msteams",
                ConversationId = "a:megan",
                UserId = "29:megan",
                EntraObjectId = ObjectId,
            }]);
        }

        _harness.Server.Given(Request.Create().WithPath(new WildcardMatcher("/uk/v3/conversations/*")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(403).WithBody("""{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\"\r\n}"}"""));

        await Assert.ThrowsAsync<BotBlockedByUserException>(() =>
            _harness.Client.SendToConversationAsync(_harness.ServiceUrl, "a:megan", OutgoingActivity.FromText("Your returns are due"), CancellationToken.None));

        await using var check = _harness.Database.NewContext();
        Assert.True((await check.People.SingleAsync()).HasBlockedBot);
        var reference = await check.ConversationReferences.SingleAsync();
        Assert.NotNull(reference.BlockedAt);
        Assert.False(reference.CanBeMessaged);
        Assert.Single(_harness.Requests("/uk/v3/conversations/a:megan"));
    }
}
