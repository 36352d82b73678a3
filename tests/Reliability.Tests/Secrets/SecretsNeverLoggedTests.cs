using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;
using PmfBot.Tests.Support;
using PmfBot.Domain.Demo;
using PmfBot.Reliability.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PmfBot.Reliability.Tests.Secrets;

/// <summary>
/// The client secret, the access tokens the bot is issued, the JWTs it is sent and the database
/// password never appear in its logs, at Trace level, whatever fails: forged and expired tokens,
/// the connector answering 401, 403, 429, 500 and 502, the token endpoint refusing the secret, and
/// a host that cannot start (its console output, as an operator would read it).
/// </summary>
public sealed partial class SecretsNeverLoggedTests
{
    private const string AppId = "5f1c8e3a-0b7d-4c2e-9a61-2d4f7b9e0c13";
    private const string ClientSecret = "Xq8~client-secret.NEVER-LOG-ME_7Zt";
    private const string DatabasePassword = "db-password-NEVER-LOG-ME-41x";

    [Fact]
    public async Task Secrets_tokens_and_passwords_stay_out_of_the_logs_at_trace_level_whatever_fails()
    {
        var key = new TestSigningKey("secrets-key", "msteams");
        using var identity = new FakeBotConnectorIdentity(key);
        var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:AppPassword"] = ClientSecret,
            ["Bot:OpenIdMetadataUrl"] = identity.MetadataUrl,
            ["Bot:AllowedTenants:0"] = BotUnderTest.TenantId,
        };
        await using var bot = new BotUnderTest(database, settings, minimumLevel: LogLevel.Trace);
        var jwts = new List<string>();
        string Token(string serviceUrl, Func<TestToken, TestToken>? change = null)
        {
            var token = new TestToken { Key = key, Audience = AppId, ServiceUrl = serviceUrl };
            var jwt = (change?.Invoke(token) ?? token).Create();
            jwts.Add(jwt);
            return jwt;
        }

        foreach (var status in new[] { 401, 403, 429, 500, 502 })
        {
            var conversation = $"status-{status}/"; // after "a:" or "a%3A", however WireMock reports the path
            bot.Connector.Given(Request.Create().WithPath(p => p.Contains(conversation, StringComparison.Ordinal)).UsingPost()).AtPriority(-10)
                .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Retry-After", "0").WithBody($$$"""{"error":{"code":"Status{{{status}}}","message":"connector says {{{status}}}"}}"""));
        }

        // Accepted: the bot fetches a token with its secret and replies with it.
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(Message(bot, "help"), Token(bot.ServiceUrl))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(Click(bot), Token(bot.ServiceUrl))).StatusCode);

        // Refused: forged, expired, for another bot, unsigned, tampered, algorithm confusion, not a JWT.
        var forged = new TestSigningKey("secrets-key");
        string[] refused =
        [
            Token(bot.ServiceUrl, t => t with { Expires = DateTime.UtcNow.AddHours(-2), NotBefore = DateTime.UtcNow.AddHours(-3) }),
            Token(bot.ServiceUrl, t => t with { Audience = "another-bot" }),
            Token(bot.ServiceUrl, t => t with { Key = forged }),
            Token("https://evil.example/"),
            new TestToken { Key = key, Audience = AppId, ServiceUrl = bot.ServiceUrl }.CreateUnsigned(),
            new TestToken { Key = key, Audience = AppId, ServiceUrl = bot.ServiceUrl }.CreateTampered("https://evil.example/"),
            new TestToken { Key = key, Audience = AppId, ServiceUrl = bot.ServiceUrl }.CreateHmacWithPublicKey(),
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJub3QgYSB0b2tlbiJ9.broken",
        ];
        jwts.AddRange(refused);
        foreach (var jwt in refused)
            Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAsync(Message(bot, "help"), jwt)).StatusCode);

        // The connector refuses the replies.
        foreach (var status in new[] { 401, 403, 429, 500, 502 })
            await bot.PostAsync(Message(bot, "help", $"a:status-{status}"), Token(bot.ServiceUrl));

        // The token endpoint refuses the secret, as Entra does when it has expired (the 401 above dropped the cached token).
        bot.Connector.Given(Request.Create().WithPath(BotUnderTest.TokenPath).UsingPost()).AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided for {{AppId}}."}"""));
        await bot.PostAsync(Message(bot, "help", "a:status-401"), Token(bot.ServiceUrl));
        await bot.PostAsync(Message(bot, "help"), Token(bot.ServiceUrl));

        var logs = bot.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("Token request for app", StringComparison.Ordinal)); // the refusal was logged...
        Assert.Contains(logs, l => l.Contains("Rejected an unauthenticated request", StringComparison.Ordinal));
        Assert.True(
            bot.Connector.LogEntries.Any(e => e.RequestMessage.Headers?.TryGetValue("Authorization", out var auth) == true && auth.Contains("Bearer " + BotUnderTest.AccessToken)),
            "the bot never used its access token");
        var password = new NpgsqlConnectionStringBuilder(database.ConnectionString).Password!;
        AssertNoSecret(logs, [ClientSecret, BotUnderTest.AccessToken, password, .. jwts]);
    }

    [Theory]
    [InlineData("the database cannot be opened")]
    [InlineData("the settings are incomplete")]
    public async Task A_host_that_cannot_start_does_not_print_its_secrets(string failure)
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.ServerConnectionString);
        var environment = new Dictionary<string, string>
        {
            ["Bot__AppId"] = AppId,
            ["Bot__AppPassword"] = ClientSecret,
            ["ConnectionStrings__Pmf"] = new NpgsqlConnectionStringBuilder { Host = server.Host, Port = server.Port, Username = server.Username, Password = DatabasePassword, Database = "pmf_no_such_database" }.ConnectionString,
            ["Logging__LogLevel__Default"] = "Trace",
            ["Scheduler__Role"] = "web",
        };
        if (failure == "the database cannot be opened")
            environment["Bot__AllowedTenants__0"] = BotUnderTest.TenantId; // otherwise complete: it gets as far as the database

        await using var bot = BotProcess.Start(environment);
        var exited = await Task.Run(() => SpinWait.SpinUntil(() => bot.HasExited, TimeSpan.FromSeconds(60)));

        var output = bot.Output.ToList();
        Assert.True(exited, $"the bot did not stop: {string.Join("\n", output.TakeLast(20))}");
        Assert.NotEmpty(output);
        AssertNoSecret(output, [ClientSecret, DatabasePassword]);
    }

    private static void AssertNoSecret(IReadOnlyList<string> lines, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            var leak = lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"A secret ({secret[..Math.Min(8, secret.Length)]}…) is in the log: {leak}");
        }

        var jwt = lines.FirstOrDefault(l => Jwt().IsMatch(l));
        Assert.True(jwt is null, $"A JWT is in the log: {jwt}");
    }

    private static byte[] Message(BotUnderTest bot, string text, string? conversationId = null)
    {
        var message = bot.Message(DemoCouncil.People.Owner, text);
        message["serviceUrl"] = bot.ServiceUrl;
        if (conversationId is not null)
            message["conversation"]!["id"] = conversationId;
        return Encoding.UTF8.GetBytes(message.ToJsonString());
    }

    private static byte[] Click(BotUnderTest bot) =>
        Encoding.UTF8.GetBytes(bot.Click(DemoCouncil.People.Owner, "returns.show", new JsonObject()).ToJsonString());

    [GeneratedRegex(@"eyJ[\w-]+\.[\w-]+\.")]
    private static partial Regex Jwt();
}
