using System.Text.Json.Nodes;
using PmfBot.Bot.Tests.Support;
using PmfBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PmfBot.Bot.Tests.Linking;

/// <summary>Without Graph, people who never spoke to PmfBot are listed for the performance team with the reason.</summary>
public sealed class UnlinkedPeopleProblemsTests : IAsyncLifetime
{
    private readonly TestCouncil _council = new();
    private readonly ConversationBot _bot = new(seedDemo: false);
    private readonly TeamsUser _pat = new("3a3a3a3a-1111-4222-8333-444444444444", "Pat Lead", "pat");

    public async Task InitializeAsync()
    {
        _bot.CreateClient();
        _council.PerformanceLead.IsPerformanceTeam = true;
        await _council.SaveAsync(_bot.Database, ConversationBot.DemoDay);
        _bot.Connector.Given(Request.Create().UsingGet().WithPath(p => p.Contains("/members/" + _pat.UserId, StringComparison.Ordinal)))
            .AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(new JsonObject
            {
                ["id"] = _pat.UserId,
                ["aadObjectId"] = _pat.ObjectId,
                ["email"] = _council.PerformanceLead.Email,
                ["tenantId"] = TeamsUser.CouncilTenant,
            }.ToJsonString()));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Cycle_problems_lists_everyone_never_linked_with_why_and_not_the_officer_who_spoke()
    {
        var text = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(_pat, "cycle problems")));

        Assert.Contains("Olivia Owner (olivia.owner@council.test): never spoken to PmfBot and Graph is not configured, so their Teams account is not known", text);
        Assert.Contains("Councillor Chair (chair@council.test)", text);
        Assert.DoesNotContain("Pat Lead (pat.lead@council.test)", text);
    }
}
