using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Tests.MessageExtensions.Support;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.MessageExtensions;

/// <summary>
/// Link unfurling of the published scorecard addresses (<c>composeExtension/queryLink</c>), signed as
/// Teams sends it: a board's or directorate's scorecard becomes a card saying what the page says; any
/// other address, or one with nothing published, is left as the plain link (an empty result).
/// </summary>
public sealed class UnfurlScorecardLinkTests(UnfurlScorecardLinkTests.PublishingTeams fixture) : IClassFixture<UnfurlScorecardLinkTests.PublishingTeams>
{
    private const string Site = "https://pmfbot.northbridge.gov.uk";

    private static readonly TeamsUser Member = TeamsUser.Of(DemoCouncil.People.ScrutinyMember);

    [Fact]
    public async Task A_boards_published_scorecard_unfurls_into_a_card_with_its_ratings_and_a_button_to_the_page()
    {
        var url = $"{Site}/published/2025-26-Q2/boards/health-and-wellbeing-board";

        var result = await UnfurlAsync(url);

        Assert.Equal("result", result["type"]!.GetValue<string>());
        var attachment = Assert.Single(result["attachments"]!.AsArray())!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.thumbnail", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("Health and Wellbeing Board: scorecard for Quarter 2 2025/26", card["title"]!.GetValue<string>());
        Assert.Contains("Test City Council", card["subtitle"]!.GetValue<string>());
        Assert.Contains("Chair: Cllr Rosa Whitfield", card["subtitle"]!.GetValue<string>());
        Assert.Matches(@"^\d+ priorities", card["text"]!.GetValue<string>());
        Assert.Contains("green", card["text"]!.GetValue<string>());
        var button = Assert.Single(card["buttons"]!.AsArray())!;
        Assert.Equal("openUrl", button["type"]!.GetValue<string>());
        Assert.Equal(url, button["value"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.thumbnail", attachment["preview"]!["contentType"]!.GetValue<string>());
        Assert.Equal(card["title"]!.GetValue<string>(), attachment["preview"]!["content"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_directorates_scorecard_unfurls_too_and_its_csv_twin_alike()
    {
        var page = await UnfurlAsync($"{Site}/published/2025-26-Q2/directorates/ah");
        var csv = await UnfurlAsync($"{Site}/published/2025-26-Q2/directorates/AH.csv");

        var title = Assert.Single(page["attachments"]!.AsArray())!["content"]!["title"]!.GetValue<string>();
        Assert.EndsWith(": scorecard for Quarter 2 2025/26", title);
        Assert.Contains("Adults", title);
        Assert.Equal(title, Assert.Single(csv["attachments"]!.AsArray())!["content"]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/published/2025-26-Q2/boards/no-such-board")]
    [InlineData("/published/2030-31-Q1/boards/health-and-wellbeing-board")]
    [InlineData("/published/Q2-2025/boards/health-and-wellbeing-board")]
    [InlineData("/published/2025-26-M07/boards/health-and-wellbeing-board")]
    [InlineData("/published/2025-26-Q2/directorates/zz")]
    [InlineData("/published")]
    [InlineData("/api/messages")]
    [InlineData("not a url at all")]
    public async Task An_address_with_nothing_published_is_left_as_the_plain_link(string address)
    {
        var result = await UnfurlAsync(address.StartsWith('/') ? Site + address : address);

        Assert.Equal("result", result["type"]!.GetValue<string>());
        Assert.Empty(result["attachments"]!.AsArray());
    }

    [Fact]
    public async Task A_forged_unfurl_gets_401()
    {
        var activity = fixture.Teams.Activity(Member, "invoke", Member.PersonalConversationId);
        activity["name"] = "composeExtension/queryLink";
        activity["value"] = new JsonObject { ["url"] = $"{Site}/published/2025-26-Q2/boards/health-and-wellbeing-board" };

        var response = await fixture.Teams.PostAsync(activity, "Bearer " + new TestToken
        {
            Key = new TestSigningKey("outsider-key", "msteams"),
            Audience = SignedInTeams.AppId,
            ServiceUrl = fixture.Teams.ServiceUrl,
        }.Create());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<JsonObject> UnfurlAsync(string url)
    {
        var response = await fixture.Teams.InvokeAsync(Member, "composeExtension/queryLink", new JsonObject { ["url"] = url }, conversationType: "groupChat");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["composeExtension"]!.AsObject();
    }

    /// <summary>The demo council with its scorecards published, behind signed Teams traffic.</summary>
    public sealed class PublishingTeams : IAsyncLifetime
    {
        private SignedInTeams? _teams;

        public SignedInTeams Teams => _teams!;

        /// <summary>Publication on, and the quarter the links name released by the performance team (unreleased quarters are not public).</summary>
        public async Task InitializeAsync()
        {
            _teams = new SignedInTeams(publication: true);
            await using var scope = _teams.Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PmfDbContext>();
            var officer = await db.People.Where(p => p.IsPerformanceTeam).Select(p => p.Id).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<ReleaseQuarter>().ReleaseAsync(officer, Period.Quarter(2025, 2));
        }

        public async Task DisposeAsync() => await _teams!.DisposeAsync();
    }
}

/// <summary>With publication off (the default) the published addresses are not pages, so nothing unfurls.</summary>
public sealed class UnfurlWithPublicationOffTests : IAsyncLifetime
{
    private readonly SignedInTeams _teams = new(publication: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task A_scorecard_address_is_left_as_the_plain_link()
    {
        var response = await _teams.InvokeAsync(
            TeamsUser.Of(DemoCouncil.People.ScrutinyMember), "composeExtension/queryLink",
            new JsonObject { ["url"] = "https://pmfbot.northbridge.gov.uk/published/2025-26-Q2/boards/health-and-wellbeing-board" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!["composeExtension"]!;
        Assert.Empty(result["attachments"]!.AsArray());
    }
}
