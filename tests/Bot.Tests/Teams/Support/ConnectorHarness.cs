using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using PmfBot.Bot.Tests.Conversation.Support;
using PmfBot.Bot.Storage;
using PmfBot.Bot.Teams;
using PmfBot.Domain.Storage;
using PmfBot.Domain;
using PmfBot.Tests.Support;
using PmfBot.Bot.Teams.Connector;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PmfBot.Bot.Tests.Teams.Support;

/// <summary>
/// The bot's real connector composition (AddTeams) against WireMock.Net on 127.0.0.1 playing both the
/// Bot Connector (under <see cref="ServiceUrl"/>) and the Entra token endpoint.
/// </summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    public const string TokenPath = "/botframework.com/oauth2/v2.0/token";
    public const string Secret = "connector-test-secret-value";

    private readonly WebApplication _app;

    private readonly AnsweredCalls _answered = new();

    public ConnectorHarness(Action<Dictionary<string, string?>>? tweak = null, TimeProvider? time = null, bool localMode = false, Action<IServiceCollection>? services = null)
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort.Next()}"] });
        ServiceUrl = new Uri(Server.Url + "/uk/");
        WarmUp(Server.Url!);

        var settings = new Dictionary<string, string?>
        {
            ["Bot:Connector:RetryBaseDelay"] = "00:00:00.050",
            ["Bot:Connector:RetryMaxDelay"] = "00:00:00.200",
            ["Bot:Connector:AttemptTimeout"] = "00:00:05",
            ["Bot:Connector:TotalTimeout"] = "00:00:20",
            ["Bot:Connector:MaxRetryAttempts"] = "3",
            ["Bot:Connector:MaxRetryAfter"] = "00:00:05",
        };
        if (!localMode)
        {
            settings["Bot:AppId"] = BotApplication.AppId;
            settings["Bot:AppPassword"] = Secret;
            settings["Bot:AllowedTenants:0"] = BotApplication.TenantId;
            settings["Bot:TokenEndpoint"] = Server.Url + TokenPath;
        }

        tweak?.Invoke(settings);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Trace);
        if (time is not null)
            builder.Services.AddSingleton(time);
        Database = new SqliteTestDatabase();
        builder.Services.AddDatabase(Database.Options);
        builder.AddDomain();
        builder.AddTeams();
        services?.Invoke(builder.Services);
        // Last, so innermost: every attempt (a retry too) that WireMock answered is counted, see Requests.
        builder.Services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(
            handlers => handlers.AdditionalHandlers.Add(new AnsweredCalls.Counter(_answered, new Uri(Server.Url!)))));
        _app = builder.Build();
        Database.InitializeAsync().GetAwaiter().GetResult();
        Client = _app.Services.GetRequiredService<IConnectorClient>();
    }

    public WireMockServer Server { get; }

    public Uri ServiceUrl { get; }

    public IConnectorClient Client { get; }

    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _app.Services;

    /// <summary>A SQLite file of its own: conversation references and people.</summary>
    public SqliteTestDatabase Database { get; }

    /// <summary>Answers token requests with <paramref name="token"/>, valid <paramref name="expiresIn"/> seconds.</summary>
    public void IssueTokens(string token = "token-1", int expiresIn = 3600) =>
        Server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"token_type":"Bearer","expires_in":{{expiresIn}},"ext_expires_in":{{expiresIn}},"access_token":"{{token}}"}"""));

    /// <summary>
    /// Requests whose (decoded, as WireMock reports it) path starts with <paramref name="pathStart"/>. WireMock
    /// logs a request only just after answering it, so this first waits until its log holds every request
    /// the bot has had an answer to: read at once, the last one can be missing under load.
    /// </summary>
    public IReadOnlyList<WireMock.Logging.ILogEntry> Requests(string pathStart)
    {
        var logged = SpinWait.SpinUntil(() => Server.LogEntries.Count() >= _answered.Answered, TimeSpan.FromSeconds(10));
        Assert.True(logged, $"WireMock logged {Server.LogEntries.Count()} requests in 10 s; the bot had answers to {_answered.Answered}.");
        return Server.LogEntries.Where(e => e.RequestMessage.Path.StartsWith(pathStart, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Forgets the requests made so far (a warm-up), once they are all logged.</summary>
    public void ForgetRequests()
    {
        _ = Requests("");
        Server.ResetLogEntries();
        _answered.Reset();
    }

    public int TokenRequests => Requests(TokenPath).Count;

    /// <summary>WireMock's first answer is slow (JIT); keep that out of the timeout tests.</summary>
    private static void WarmUp(string url)
    {
        using var http = new HttpClient();
        http.GetAsync(url + "/__warm-up").GetAwaiter().GetResult().Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Server.Stop();
        await Database.DisposeAsync();
    }
}
