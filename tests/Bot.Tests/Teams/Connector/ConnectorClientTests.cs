using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Bot.Tests.Teams.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Teams.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string Conversation = "a:conv-1";
    private const string ActivitiesPath = "/uk/v3/conversations/a:conv-1/activities";
    // A short attempt timeout so the timeout tests are quick; the pipeline is warmed up first.
    private readonly ConnectorHarness _harness = new(s => s["Bot:Connector:AttemptTimeout"] = "00:00:01");

    public async Task InitializeAsync()
    {
        _harness.IssueTokens();
        // The first call through the pipeline JITs Polly and the handlers; keep it out of the timeout tests.
        await _harness.Client.DeleteActivityAsync(_harness.ServiceUrl, "warm-up", "0", CancellationToken.None).ContinueWith(_ => { });
        _harness.ForgetRequests();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IRequestBuilder Activities(string method = "POST") =>
        Request.Create().WithPath(new WildcardMatcher(ActivitiesPath + "*")).UsingMethod(method);

    /// <summary>Answers the given statuses in order, then keeps answering the last.</summary>
    private void Respond(IRequestBuilder request, params Func<IResponseBuilder>[] responses)
    {
        if (responses.Length == 1)
        {
            _harness.Server.Given(request).RespondWith(responses[0]());
            return;
        }

        var scenario = Guid.NewGuid().ToString();
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = _harness.Server.Given(request).InScenario(scenario);
            if (i > 0)
                mapping = mapping.WhenStateIs($"step{i}");
            if (i < responses.Length - 1)
                mapping = mapping.WillSetStateTo($"step{i + 1}");
            mapping.RespondWith(responses[i]());
        }
    }

    private static Func<IResponseBuilder> Status(int status, string? retryAfter = null, string? body = null) => () =>
    {
        var response = Response.Create().WithStatusCode(status);
        if (retryAfter is not null)
            response = response.WithHeader("Retry-After", retryAfter);
        if (body is not null)
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        return response;
    };

    private static Func<IResponseBuilder> Created(string id = "1700000000999") => Status(201, body: $$"""{"id":"{{id}}"}""");

    private static Func<IResponseBuilder> Slow(TimeSpan delay) => () => Response.Create().WithStatusCode(200).WithBody("""{"id":"late"}""").WithDelay(delay);

    private Task<ResourceResponse> SendAsync() =>
        _harness.Client.SendToConversationAsync(_harness.ServiceUrl, Conversation, OutgoingActivity.FromText("Your Q1 returns are due"), CancellationToken.None);

    private int Calls(string method = "POST") => _harness.Requests(ActivitiesPath).Count(e => e.RequestMessage.Method == method);

    [Fact]
    public async Task A_successful_send_is_made_once_with_the_bots_token()
    {
        Respond(Activities(), Created());

        var result = await SendAsync();

        Assert.Equal("1700000000999", result.Id);
        var request = Assert.Single(_harness.Requests(ActivitiesPath)).RequestMessage;
        Assert.Equal("Bearer token-1", request.Headers!["Authorization"].Single());
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("Your Q1 returns are due", body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_429_without_Retry_After_is_retried_with_backoff()
    {
        Respond(Activities(), Status(429), Created());

        var result = await SendAsync();

        Assert.Equal("1700000000999", result.Id);
        Assert.Equal(2, Calls());
    }

    [Fact]
    public async Task A_429_with_Retry_After_waits_as_long_as_Teams_asks()
    {
        Respond(Activities(), Status(429, retryAfter: "1"), Created());
        var clock = Stopwatch.StartNew();

        await SendAsync();

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.ElapsedMilliseconds} ms; backoff alone would be about 50 ms");
        Assert.Equal(2, Calls());
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_bot_waits_fails_at_once_with_the_delay_for_the_caller()
    {
        Respond(Activities(), Status(429, retryAfter: "120"), Created());

        var error = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Equal(1, Calls());
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task A_transient_status_is_retried_until_it_succeeds(int status)
    {
        Respond(Activities(), Status(status), Status(status), Created());

        var result = await SendAsync();

        Assert.Equal("1700000000999", result.Id);
        Assert.Equal(3, Calls());
    }

    [Fact]
    public async Task A_status_that_stays_bad_is_tried_one_plus_max_retries_times_then_reported()
    {
        Respond(Activities(), Status(502));

        var error = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(4, Calls());
    }

    [Fact]
    public async Task A_timed_out_update_is_retried_because_PUT_is_idempotent()
    {
        Respond(Activities("PUT"), Slow(TimeSpan.FromSeconds(2)), Status(200, body: """{"id":"1700000000999"}"""));

        var result = await _harness.Client.UpdateActivityAsync(_harness.ServiceUrl, Conversation, "1700000000999", OutgoingActivity.FromText("updated"), CancellationToken.None);

        Assert.Equal("1700000000999", result.Id);
        // WireMock logs the timed-out request only once its 2 s delay is over.
        var clock = Stopwatch.StartNew();
        while (Calls("PUT") < 2 && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(100);
        Assert.Equal(2, Calls("PUT"));
    }

    [Fact]
    public async Task A_timed_out_send_is_not_resent_and_is_reported_as_outcome_unknown()
    {
        Respond(Activities(), Slow(TimeSpan.FromSeconds(2)), Created());

        await Assert.ThrowsAsync<ConnectorOutcomeUnknownException>(SendAsync);
        await Task.Delay(TimeSpan.FromSeconds(2)); // WireMock logs a request once it has answered it

        Assert.Equal(1, Calls());
    }

    [Fact]
    public async Task A_send_to_a_connector_that_refuses_connections_is_retried_and_reported_as_not_delivered()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/uk/");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            _harness.Client.SendToConversationAsync(closed, Conversation, OutgoingActivity.FromText("x"), CancellationToken.None));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_gives_a_typed_error_and_is_not_retried()
    {
        const string teamsBody = """{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\",\r\n  \"errorCode\": null,\r\n  \"errorSubCode\": null\r\n}"}""";
        Respond(Activities(), Status(403, body: teamsBody), Created());

        var error = await Assert.ThrowsAsync<BotBlockedByUserException>(SendAsync);

        Assert.Equal(Conversation, error.ConversationId);
        Assert.Equal("MessageWritesBlocked", error.ErrorCode);
        Assert.Equal(1, Calls());
    }

    [Fact]
    public async Task Another_403_is_reported_with_its_code_and_not_retried()
    {
        Respond(Activities(), Status(403, body: """{"error":{"code":"ForbiddenOperationException","message":"Bot is not installed in user's personal scope"}}"""));

        var error = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.IsNotType<BotBlockedByUserException>(error);
        Assert.Equal("ForbiddenOperationException", error.ErrorCode);
        Assert.Equal(1, Calls());
    }

    [Fact]
    public async Task A_401_drops_the_cached_token_so_the_next_call_gets_a_new_one()
    {
        Respond(Activities(), Status(401), Created());

        await Assert.ThrowsAsync<ConnectorException>(SendAsync);
        Assert.Equal(0, _harness.TokenRequests);
        await SendAsync();

        Assert.Equal(1, _harness.TokenRequests);
        Assert.Equal(2, Calls());
    }

    [Fact]
    public async Task A_personal_conversation_is_created_with_one_member_and_the_tenant()
    {
        _harness.Server.Given(Request.Create().WithPath("/uk/v3/conversations").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"id":"a:new-personal"}"""));

        var result = await _harness.Client.CreatePersonalConversationAsync(_harness.ServiceUrl, BotApplication.TenantId, "29:user-1", new() { Id = "28:" + BotApplication.AppId }, CancellationToken.None);

        Assert.Equal("a:new-personal", result.Id);
        var body = JsonNode.Parse(Assert.Single(_harness.Requests("/uk/v3/conversations")).RequestMessage.Body!)!;
        Assert.False(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("29:user-1", body["members"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal(BotApplication.TenantId, body["tenantId"]!.GetValue<string>());
        Assert.Equal(BotApplication.TenantId, body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("28:" + BotApplication.AppId, body["bot"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_channel_thread_is_created_as_a_group_conversation_in_the_channel_with_its_first_message()
    {
        _harness.Server.Given(Request.Create().WithPath("/uk/v3/conversations").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"id":"19:chan@thread.tacv2;messageid=1700","activityId":"1700"}"""));

        var result = await _harness.Client.CreateChannelThreadAsync(_harness.ServiceUrl, BotApplication.TenantId, "19:chan@thread.tacv2", OutgoingActivity.FromText("Q1 summary"), null, CancellationToken.None);

        Assert.Equal("1700", result.ActivityId);
        var body = JsonNode.Parse(Assert.Single(_harness.Requests("/uk/v3/conversations")).RequestMessage.Body!)!;
        Assert.True(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("19:chan@thread.tacv2", body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal("Q1 summary", body["activity"]!["text"]!.GetValue<string>());
        Assert.Null(body["members"]);
    }

    [Fact]
    public async Task Reply_update_and_delete_address_the_activity()
    {
        const string thread = "19:abc@thread.tacv2;messageid=1699";
        const string path = "/uk/v3/conversations/19:abc@thread.tacv2;messageid=1699/activities/1700";
        _harness.Server.Given(Request.Create().WithPath(path).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"1701"}"""));

        await _harness.Client.ReplyToActivityAsync(_harness.ServiceUrl, thread, "1700", OutgoingActivity.FromText("reply") with { ReplyToId = "1700" }, CancellationToken.None);
        await _harness.Client.UpdateActivityAsync(_harness.ServiceUrl, thread, "1700", OutgoingActivity.FromCard(new JsonObject { ["type"] = "AdaptiveCard" }), CancellationToken.None);
        await _harness.Client.DeleteActivityAsync(_harness.ServiceUrl, thread, "1700", CancellationToken.None);

        var requests = _harness.Requests(path).Select(e => e.RequestMessage).ToList();
        Assert.Equal(["POST", "PUT", "DELETE"], requests.Select(r => r.Method));
        Assert.Equal("1700", JsonNode.Parse(requests[0].Body!)!["replyToId"]!.GetValue<string>());
        var update = JsonNode.Parse(requests[1].Body!)!;
        Assert.Equal("1700", update["id"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", update["attachments"]![0]!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paged_members_pass_the_continuation_token_and_a_failed_read_is_retried()
    {
        var members = Request.Create().WithPath("/uk/v3/conversations/19:team@thread.tacv2/pagedmembers").UsingGet();
        Respond(members, Status(502), Status(200, body: """
            {"continuationToken":"next-page","members":[{"id":"29:u1","name":"Megan Bowen","aadObjectId":"7faf8ab2-3d56-4244-b585-20c8a42ed2b8","email":"meganb@contoso.gov.uk","userPrincipalName":"meganb@contoso.gov.uk","tenantId":"t","userRole":"user"}]}
            """));

        var page = await _harness.Client.GetPagedMembersAsync(_harness.ServiceUrl, "19:team@thread.tacv2", 50, "this-page", CancellationToken.None);

        Assert.Equal("next-page", page.ContinuationToken);
        Assert.Equal("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", Assert.Single(page.Members).AadObjectId);
        var last = _harness.Requests("/uk/v3/conversations/19:team@thread.tacv2/pagedmembers").Last().RequestMessage;
        Assert.Equal("50", last.Query!["pageSize"].Single());
        Assert.Equal("this-page", last.Query!["continuationToken"].Single());
        Assert.Equal(2, _harness.Requests("/uk/v3/conversations/19:team@thread.tacv2/pagedmembers").Count);
    }
}

public sealed class LocalModeConnectorTests : IAsyncLifetime
{
    private readonly ConnectorHarness _harness = new(localMode: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task In_local_mode_the_bot_sends_without_a_token_and_asks_for_none()
    {
        _harness.Server.Given(Request.Create().WithPath(new WildcardMatcher("/uk/v3/conversations/*")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"1"}"""));

        await _harness.Client.SendToConversationAsync(_harness.ServiceUrl, "a:1", OutgoingActivity.FromText("hi"), CancellationToken.None);

        var request = Assert.Single(_harness.Requests("/uk/v3/")).RequestMessage;
        Assert.False(request.Headers!.ContainsKey("Authorization"));
        Assert.Equal(0, _harness.TokenRequests);
    }
}

public sealed class ConnectorUrlTests
{
    [Fact]
    public async Task Conversation_and_activity_ids_are_escaped_in_the_url()
    {
        var seen = new List<Uri>();
        await using var harness = new ConnectorHarness(localMode: true, services: s =>
            s.AddHttpClient<IConnectorClient, ConnectorClient>().AddHttpMessageHandler(() => new UrlRecorder(seen)));
        harness.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"1"}"""));

        await harness.Client.ReplyToActivityAsync(harness.ServiceUrl, "19:abc@thread.tacv2;messageid=1699", "1700", OutgoingActivity.FromText("x"), CancellationToken.None);

        Assert.Equal("/uk/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1699/activities/1700", Assert.Single(seen).AbsolutePath);
    }

    private sealed class UrlRecorder(List<Uri> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
