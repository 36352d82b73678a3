using Microsoft.Extensions.Time.Testing;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Bot.Tests.Teams.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PmfBot.Bot.Tests.Teams.Connector;

public sealed class ConnectorTokenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ConnectorHarness _harness;

    public ConnectorTokenTests()
    {
        _harness = new ConnectorHarness(time: _time);
        _harness.Server.Given(Request.Create().WithPath(new WildcardMatcher("/uk/v3/conversations/*")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"id":"1"}"""));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task SendAsync(string conversation = "a:1") =>
        _harness.Client.SendToConversationAsync(_harness.ServiceUrl, conversation, OutgoingActivity.FromText("hello"), CancellationToken.None);

    private IEnumerable<string> AuthorizationHeaders =>
        _harness.Requests("/uk/v3/").Select(e => e.RequestMessage.Headers!["Authorization"].Single());

    [Fact]
    public async Task The_token_is_requested_by_client_credentials_for_the_Bot_Framework_scope()
    {
        _harness.IssueTokens();

        await SendAsync();

        var form = Assert.Single(_harness.Requests(ConnectorHarness.TokenPath)).RequestMessage.Body!;
        var fields = form.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal("client_credentials", fields["grant_type"]);
        Assert.Equal(BotApplication.AppId, fields["client_id"]);
        Assert.Equal(ConnectorHarness.Secret, fields["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", fields["scope"]);
    }

    [Fact]
    public async Task The_token_is_cached_across_calls()
    {
        _harness.IssueTokens("token-1");

        await SendAsync();
        await SendAsync();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => SendAsync($"a:{i}")));

        Assert.Equal(1, _harness.TokenRequests);
        Assert.All(AuthorizationHeaders, h => Assert.Equal("Bearer token-1", h));
    }

    [Fact]
    public async Task The_token_is_renewed_five_minutes_before_it_expires()
    {
        _harness.IssueTokens("token-1", expiresIn: 3600);
        await SendAsync();

        _time.Advance(TimeSpan.FromMinutes(54));
        await SendAsync();
        Assert.Equal(1, _harness.TokenRequests);

        _harness.IssueTokens("token-2", expiresIn: 3600);
        _time.Advance(TimeSpan.FromMinutes(2));
        await SendAsync();

        Assert.Equal(2, _harness.TokenRequests);
        Assert.Equal("Bearer token-2", AuthorizationHeaders.Last());
    }

    [Fact]
    public async Task A_refused_secret_fails_the_send_before_anything_reaches_the_connector()
    {
        _harness.Server.Given(Request.Create().WithPath(ConnectorHarness.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}"""));

        var error = await Assert.ThrowsAsync<ConnectorTokenException>(() => SendAsync());

        Assert.Contains("invalid_client", error.Message);
        Assert.Empty(_harness.Requests("/uk/v3/"));
    }

    [Fact]
    public async Task Neither_the_secret_nor_the_token_is_ever_logged()
    {
        _harness.IssueTokens("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.super-secret-token");
        await SendAsync();
        _harness.Server.Given(Request.Create().WithPath(new WildcardMatcher("/uk/v3/conversations/*")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401));
        await Assert.ThrowsAsync<ConnectorException>(() => SendAsync());

        Assert.NotEmpty(_harness.Logs.Lines);
        Assert.DoesNotContain(_harness.Logs.Lines, l => l.Contains("super-secret-token") || l.Contains(ConnectorHarness.Secret));
    }
}
