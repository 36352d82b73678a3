using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Tests.Teams.Support;

namespace PmfBot.Bot.Tests.Teams.Messaging;

public sealed class LocalBotFixture : IDisposable
{
    public BotApplication Bot { get; } = BotApplication.Local(s => s["Bot:InvokeTimeout"] = "00:00:01");

    public void Dispose() => Bot.Dispose();
}

/// <summary>/api/messages in local mode (no token needed), so these tests are about the endpoint itself.</summary>
public sealed class MessagesEndpointTests(LocalBotFixture fixture) : IClassFixture<LocalBotFixture>
{
    private async Task<HttpResponseMessage> PostAsync(string body)
    {
        var response = await fixture.Bot.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        await fixture.Bot.Queue.WhenIdleAsync();
        return response;
    }

    private async Task<bool> StillServesAsync()
    {
        var response = await PostAsync(Payloads.ForBot("personal-message.json").ToJsonString());
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":", "not a valid activity")]
    [InlineData("<xml>not json</xml>", "not a valid activity")]
    [InlineData("", "not a valid activity")]
    [InlineData("{\"serviceUrl\":\"https://x.example/\",\"channelId\":\"msteams\"}", "no type")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"a:1\"}}", "no serviceUrl")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"https://x.example/\",\"channelId\":\"msteams\"}", "no conversation.id")]
    public async Task A_bad_body_gets_400_with_a_short_reason_and_no_stack_trace_and_the_server_keeps_serving(string body, string reason)
    {
        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, text);
        Assert.DoesNotContain(" at ", text);
        Assert.DoesNotContain("Exception", text);
        Assert.True(text.Length < 200, text);
        Assert.True(await StillServesAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_without_being_parsed_and_the_server_keeps_serving()
    {
        var huge = Payloads.ForBot("personal-message.json");
        huge["text"] = new string('x', 300 * 1024);

        var response = await PostAsync(huge.ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("""{"error":"The activity is larger than 262144 bytes."}""", await response.Content.ReadAsStringAsync());
        Assert.True(await StillServesAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_without_a_content_length_is_cut_off_too()
    {
        var huge = Encoding.UTF8.GetBytes(new string(' ', 300 * 1024) + Payloads.ForBot("personal-message.json").ToJsonString());
        using var content = new StreamContent(new MemoryStream(huge));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = null;

        var response = await fixture.Bot.CreateClient().PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_message_is_acknowledged_with_200_and_handled_in_the_background()
    {
        var response = await PostAsync(Payloads.ForBot("channel-message-mentioning-the-bot.json").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(fixture.Bot.Log.Handled, a => a is MessageActivity { CommandText: "status CPP-H1 for <at>Pranav Smith</at>" });
        Assert.Contains(fixture.Bot.Log.Observed, a => a.Id == "1700000000123");
    }

    [Fact]
    public async Task A_team_install_reaches_the_conversation_update_handlers()
    {
        var response = await PostAsync(Payloads.ForBot("team-install-conversation-update.json").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(fixture.Bot.Log.Handled, a => a is ConversationUpdateActivity { BotWasAdded: true, Id: "f:0b9079f4-d4d3-3d8e-b883-798298053c7e" });
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("somethingTeamsAddsNextYear")]
    public async Task An_unknown_activity_type_is_acknowledged_and_ignored(string type)
    {
        var activity = Payloads.ForBot("personal-message.json");
        activity["type"] = type;
        activity["id"] = "unknown-" + type;

        var response = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(fixture.Bot.Log.Handled, a => a.Id == "unknown-" + type);
    }

    private async Task<JsonObject> InvokeAsync(string verb, string id)
    {
        var invoke = Payloads.ForBot("invoke-adaptive-card-action.json");
        invoke["id"] = id;
        invoke["value"]!["action"]!["verb"] = verb;
        var response = await PostAsync(invoke.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task A_card_action_is_answered_in_the_response_with_the_new_card()
    {
        var body = await InvokeAsync("refresh", "inv-1");

        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        Assert.Equal("Saved 42", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains(fixture.Bot.Log.Observed, a => a.Id == "inv-1");
    }

    [Fact]
    public async Task A_card_action_can_answer_with_a_message()
    {
        var body = await InvokeAsync("say", "inv-2");

        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Thanks, saved."}""", body.ToJsonString());
    }

    [Fact]
    public async Task A_card_action_with_bad_input_answers_a_400_error_body()
    {
        var body = await InvokeAsync("bad", "inv-3");

        Assert.Equal("""{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"InvalidValue","message":"The value must be a number."}}""", body.ToJsonString());
    }

    [Fact]
    public async Task A_failing_card_action_answers_a_500_error_body_without_internal_details()
    {
        var body = await InvokeAsync("boom", "inv-4");

        Assert.Equal(500, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.DoesNotContain("secret internal detail", body.ToJsonString());
    }

    [Fact]
    public async Task A_card_action_that_overruns_the_invoke_timeout_answers_a_timeout_error()
    {
        var started = DateTime.UtcNow;

        var body = await InvokeAsync("slow", "inv-5");

        Assert.Equal("Timeout", body["value"]!["code"]!.GetValue<string>());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_card_action_still_working_after_its_timeout_keeps_its_services_until_it_stops()
    {
        var body = await InvokeAsync("lingers", "inv-linger");

        Assert.Equal("Timeout", body["value"]!["code"]!.GetValue<string>());
        Assert.True(await UntilAsync(() => fixture.Bot.Log.Lingered.Any(l => l.ActivityId == "inv-linger")), "the handler never finished");
        var lingered = fixture.Bot.Log.Lingered.Single(l => l.ActivityId == "inv-linger");
        Assert.True(lingered.ScopeAliveAtEnd, "the scope (the database connection) was released while the handler was still using it");
        Assert.True(await UntilAsync(() => lingered.Probe.IsDisposed), "the scope was never released");
    }

    private static async Task<bool> UntilAsync(Func<bool> condition)
    {
        for (var waited = 0; waited < 15_000 && !condition(); waited += 50)
            await Task.Delay(50);
        return condition();
    }

    [Fact]
    public async Task An_invoke_nobody_handles_gets_501()
    {
        var invoke = Payloads.ForBot("invoke-adaptive-card-action.json");
        invoke["name"] = "task/fetch";

        var response = await PostAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Local_mode_with_no_allowed_tenants_accepts_any_tenant()
    {
        var response = await PostAsync(Payloads.ForBot("personal-message.json", tenantId: BotApplication.OtherTenantId).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class LocalModeTenantTests
{
    [Fact]
    public async Task Local_mode_with_allowed_tenants_still_refuses_other_tenants()
    {
        using var bot = BotApplication.Local(s => s["Bot:AllowedTenants:0"] = BotApplication.TenantId);
        var client = bot.CreateClient();

        var other = await client.PostAsync("/api/messages", new StringContent(Payloads.ForBot("personal-message.json", tenantId: BotApplication.OtherTenantId).ToJsonString(), Encoding.UTF8, "application/json"));
        var allowed = await client.PostAsync("/api/messages", new StringContent(Payloads.ForBot("personal-message.json").ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
