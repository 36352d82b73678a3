using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Graph;
using PmfBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using AccessToken = Azure.Core.AccessToken;
using TokenCredential = Azure.Core.TokenCredential;
using TokenRequestContext = Azure.Core.TokenRequestContext;

namespace PmfBot.Scheduler.Tests.Graph;

/// <summary>
/// The Graph directory against a real HTTP fake of Graph (WireMock.Net on loopback). The token
/// comes from a fake <see cref="TokenCredential"/> registered in place of the client secret
/// credential, so no identity endpoint is involved; the tests check it reaches Graph.
/// </summary>
public sealed class GraphDirectoryTests : IAsyncLifetime
{
    private const string KateId = "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a03";
    private const string TariqId = "5b0e7c2a-31d4-4f6e-9a58-0c1d2e3f4a05";
    private readonly WireMockServer _graph = WireMockServer.Start();
    private readonly SqliteTestDatabase _database = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "00000000-0000-0000-0000-000000007e57",
            ["Graph:ClientId"] = "00000000-0000-0000-0000-0000000c1e57",
            ["Graph:ClientSecret"] = "not-a-real-secret",
            ["Graph:BaseUrl"] = _graph.Url + "/v1.0",
            ["Graph:InstallAppForUsers"] = "true",
            ["Graph:TeamsAppId"] = "11111111-2222-3333-4444-555555555555",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDatabase(_database.Options);
        services.AddGraph(configuration);
        services.AddSingleton<TokenCredential>(new StaticToken());
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _graph.Stop();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_person_is_found_by_email_with_the_apps_token()
    {
        _graph.Given(Request.Create().WithPath("/v1.0/users").UsingGet())
            .RespondWith(Json(200, """{ "value": [ { "id": "5B0E7C2A-31D4-4F6E-9A58-0C1D2E3F4A03", "displayName": "Kate Hughes", "mail": "Kate.Hughes@northbridge.example" } ] }"""));

        var kate = await Directory().LookUpPersonAsync("kate.hughes@northbridge.example");

        Assert.Equal(new DirectoryPerson(KateId, "Kate Hughes", "kate.hughes@northbridge.example"), kate);
        var request = Assert.Single(await LoggedAsync(1)).RequestMessage;
        Assert.Equal("Bearer test-token", request.Headers!["Authorization"].Single());
        Assert.Contains("mail eq 'kate.hughes@northbridge.example'", Uri.UnescapeDataString(request.Url));
    }

    [Fact]
    public async Task A_persons_manager_is_found()
    {
        _graph.Given(Request.Create().WithPath($"/v1.0/users/{KateId}/manager").UsingGet())
            .RespondWith(Json(200, $$"""{ "@odata.type": "#microsoft.graph.user", "id": "{{TariqId}}", "displayName": "Tariq Mahmood", "mail": "tariq.mahmood@northbridge.example" }"""));

        var manager = await Directory().ManagerOfAsync(KateId);

        Assert.Equal(new DirectoryPerson(TariqId, "Tariq Mahmood", "tariq.mahmood@northbridge.example"), manager);
    }

    [Fact]
    public async Task A_person_with_no_manager_is_a_404_and_answers_null()
    {
        _graph.Given(Request.Create().WithPath($"/v1.0/users/{KateId}/manager").UsingGet())
            .RespondWith(Json(404, """{ "error": { "code": "Request_ResourceNotFound", "message": "Resource 'manager' does not exist or one of its queried reference-property objects are not present." } }"""));

        Assert.Null(await Directory().ManagerOfAsync(KateId));
    }

    [Fact]
    public async Task A_429_is_waited_out_as_Retry_After_asks_and_then_answered()
    {
        _graph.Given(Request.Create().WithPath($"/v1.0/users/{KateId}/manager").UsingGet())
            .InScenario("throttled").WillSetStateTo("calm")
            .RespondWith(Json(429, """{ "error": { "code": "TooManyRequests", "message": "Too many requests." } }""").WithHeader("Retry-After", "1"));
        _graph.Given(Request.Create().WithPath($"/v1.0/users/{KateId}/manager").UsingGet())
            .InScenario("throttled").WhenStateIs("calm")
            .RespondWith(Json(200, $$"""{ "@odata.type": "#microsoft.graph.user", "id": "{{TariqId}}", "displayName": "Tariq Mahmood", "mail": "tariq.mahmood@northbridge.example" }"""));

        var watch = Stopwatch.StartNew();
        var manager = await Directory().ManagerOfAsync(KateId);

        Assert.Equal(TariqId, manager?.ObjectId);
        Assert.Equal([429, 200], (await LoggedAsync(2)).Select(e => (int)e.ResponseMessage.StatusCode!));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_second_lookup_is_answered_from_the_cache()
    {
        _graph.Given(Request.Create().WithPath($"/v1.0/users/{KateId}/manager").UsingGet())
            .RespondWith(Json(404, """{ "error": { "code": "Request_ResourceNotFound", "message": "No manager." } }"""));
        _graph.Given(Request.Create().WithPath($"/v1.0/users/{TariqId}").UsingGet())
            .RespondWith(Json(200, $$"""{ "id": "{{TariqId}}", "displayName": "Tariq Mahmood", "mail": "tariq.mahmood@northbridge.example" }"""));

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await Directory().ManagerOfAsync(KateId));
            Assert.Equal("Tariq Mahmood", (await Directory().LookUpPersonAsync(TariqId))?.Name);
        }

        Assert.Equal(2, (await LoggedAsync(2)).Count);
    }

    [Fact]
    public async Task The_app_is_installed_for_a_person_and_an_existing_install_counts_as_installed()
    {
        _graph.Given(Request.Create().WithPath($"/v1.0/users/{KateId}/teamwork/installedApps").UsingPost())
            .InScenario("install").WillSetStateTo("installed")
            .RespondWith(Json(201, """{ "id": "installation-1" }"""));
        _graph.Given(Request.Create().WithPath($"/v1.0/users/{KateId}/teamwork/installedApps").UsingPost())
            .InScenario("install").WhenStateIs("installed")
            .RespondWith(Json(409, """{ "error": { "code": "Conflict", "message": "App is already installed." } }"""));

        Assert.True(await Directory().InstallAppForUserAsync(KateId));
        Assert.True(await Directory().InstallAppForUserAsync(KateId));

        var body = (await LoggedAsync(2)).First().RequestMessage.Body;
        Assert.Contains("appCatalogs/teamsApps/11111111-2222-3333-4444-555555555555", body);
    }

    [Fact]
    public async Task An_escalation_stores_the_manager_the_directory_knows_adding_them_as_a_person()
    {
        var kate = new Person(Guid.NewGuid(), "Kate Hughes", "kate.hughes@northbridge.example");
        await using (var db = _database.NewContext())
        {
            db.People.Add(kate);
            await db.SaveChangesAsync();
        }

        _graph.Given(Request.Create().WithPath("/v1.0/users").UsingGet())
            .RespondWith(Json(200, $$"""{ "value": [ { "id": "{{KateId}}", "displayName": "Kate Hughes", "mail": "kate.hughes@northbridge.example" } ] }"""));
        _graph.Given(Request.Create().WithPath($"/v1.0/users/{KateId}/manager").UsingGet())
            .RespondWith(Json(200, $$"""{ "@odata.type": "#microsoft.graph.user", "id": "{{TariqId}}", "displayName": "Tariq Mahmood", "mail": "tariq.mahmood@northbridge.example" }"""));

        await using var scope = _services.CreateAsyncScope();
        var found = await new ManagerLookup(scope.ServiceProvider.GetRequiredService<Domain.Storage.PmfDbContext>(), scope.ServiceProvider.GetRequiredService<IDirectory>(), TimeProvider.System, NullLogger<ManagerLookup>.Instance)
            .ResolveAsync([kate.Id]);

        await using var check = _database.NewContext();
        var stored = await check.People.AsNoTracking().SingleAsync(p => p.Id == kate.Id);
        var manager = await check.People.AsNoTracking().SingleAsync(p => p.Email == "tariq.mahmood@northbridge.example");
        Assert.Equal(manager.Id, found[kate.Id]);
        Assert.Equal((manager.Id, KateId), (stored.ManagerId, stored.EntraObjectId));
        Assert.Equal(("Tariq Mahmood", TariqId), (manager.Name, manager.EntraObjectId));
    }

    /// <summary>WireMock's log once it holds at least <paramref name="count"/> requests: it logs each just after answering it.</summary>
    private async Task<IReadOnlyList<WireMock.Logging.ILogEntry>> LoggedAsync(int count)
    {
        await Eventually.HoldsAsync(() => _graph.LogEntries.Count() >= count, $"WireMock to log {count} requests to Graph", TimeSpan.FromSeconds(10));
        return _graph.LogEntries.ToList();
    }

    private IDirectory Directory() => _services.CreateScope().ServiceProvider.GetRequiredService<IDirectory>();

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
