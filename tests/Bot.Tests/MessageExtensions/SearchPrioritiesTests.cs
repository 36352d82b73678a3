using PmfBot.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PmfBot.Bot.Tests.Support;
using PmfBot.Bot.Tests.MessageExtensions.Support;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.MessageExtensions;

/// <summary>
/// The search message extension, as Teams drives it: signed <c>composeExtension/query</c> invokes with the
/// command, what was typed and the page, answered at once with a result list (each a status card with
/// its preview) or a plain message.
/// </summary>
public sealed class SearchPrioritiesTests(SearchPrioritiesTests.DemoTeams teams) : IClassFixture<SearchPrioritiesTests.DemoTeams>
{
    private static readonly TeamsUser Scrutiny = TeamsUser.Of(DemoCouncil.People.ScrutinyMember);

    private SignedInTeams Teams => teams.Teams;

    [Fact]
    public async Task A_priority_code_lists_that_priority_with_its_status_card_and_a_preview()
    {
        var result = await ResultAsync(Scrutiny, "hw1");

        Assert.Equal("result", result["type"]!.GetValue<string>());
        Assert.Equal("list", result["attachmentLayout"]!.GetValue<string>());
        var first = result["attachments"]!.AsArray()[0]!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", first["contentType"]!.GetValue<string>());
        var card = ConversationBot.TextOf(first["content"]!);
        Assert.Contains("Reduce health inequalities", card);
        Assert.Contains("Health and Wellbeing Board", card);
        Assert.Contains("Q2 2025/26", card);
        Assert.Equal("AdaptiveCard", first["content"]!["type"]!.GetValue<string>());
        var preview = first["preview"]!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.thumbnail", preview["contentType"]!.GetValue<string>());
        Assert.StartsWith("HW1: Reduce health inequalities", preview["content"]!["title"]!.GetValue<string>());
        Assert.Equal("Health and Wellbeing Board", preview["content"]!["subtitle"]!.GetValue<string>());
        Assert.StartsWith("Q2 2025/26: ", preview["content"]!["text"]!.GetValue<string>());
        Assert.Null(preview["content"]!["buttons"]);
    }

    [Fact]
    public async Task Words_with_typos_find_the_priority_as_status_does()
    {
        var result = await ResultAsync(Scrutiny, "Helth INEQUALITEIS");

        var titles = Titles(result);
        Assert.StartsWith("HW1:", titles[0]);
    }

    [Fact]
    public async Task Nothing_matched_is_said_in_a_message_with_what_to_type()
    {
        var result = await ResultAsync(Scrutiny, "zebra crossings");

        Assert.Equal("message", result["type"]!.GetValue<string>());
        Assert.Contains("No priority matches \"zebra crossings\"", result["text"]!.GetValue<string>());
        Assert.Contains("code", result["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Nothing_typed_is_answered_with_what_to_type(string typed)
    {
        var result = await ResultAsync(Scrutiny, typed);

        Assert.Equal("message", result["type"]!.GetValue<string>());
        Assert.Contains("Type a priority's code", result["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_pages_Teams_asks_for_follow_one_another_without_gaps_or_repeats()
    {
        var all = Titles(await ResultAsync(Scrutiny, "homes"));
        Assert.True(all.Count >= 3, $"\"homes\" should match several demo priorities; it matched {all.Count}.");

        var pages = new List<string>();
        for (var skip = 0; skip < all.Count; skip += 2)
        {
            var page = Titles(await ResultAsync(Scrutiny, "homes", skip, 2));
            Assert.InRange(page.Count, 1, 2);
            pages.AddRange(page);
        }

        Assert.Equal(all, pages);
        var past = await ResultAsync(Scrutiny, "homes", all.Count, 2);
        Assert.Equal("result", past["type"]!.GetValue<string>());
        Assert.Empty(past["attachments"]!.AsArray());
    }

    [Fact]
    public async Task Someone_PmfBot_does_not_know_is_told_so_rather_than_shown_the_council_s_priorities()
    {
        var stranger = new TeamsUser("0f0f0f0f-1111-4222-8333-444444444444", "Someone Else", "someone.else");

        var result = await ResultAsync(stranger, "hw1");

        Assert.Equal("message", result["type"]!.GetValue<string>());
        Assert.DoesNotContain("Reduce health inequalities", result.ToJsonString());
    }

    [Theory]
    [InlineData("an empty Authorization header")]
    [InlineData("signed by a key the Bot Connector never published")]
    [InlineData("a token for another app")]
    public async Task A_forged_search_gets_401_and_no_results(string forgery)
    {
        var outsider = new TestSigningKey("outsider-key", "msteams");
        var authorization = forgery switch
        {
            "an empty Authorization header" => "",
            "signed by a key the Bot Connector never published" => "Bearer " + new TestToken { Key = outsider, Audience = SignedInTeams.AppId, ServiceUrl = Teams.ServiceUrl }.Create(),
            _ => "Bearer " + new TestToken { Key = Teams.Key, Audience = "0a0b0c0d-1111-4222-8333-444455556666", ServiceUrl = Teams.ServiceUrl }.Create(),
        };

        var response = await Teams.InvokeAsync(Scrutiny, "composeExtension/query", Query("hw1"), authorization: authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("composeExtension", await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> ResultAsync(TeamsUser user, string typed, int skip = 0, int count = 25)
    {
        var response = await Teams.InvokeAsync(user, "composeExtension/query", Query(typed, skip, count), conversationType: "groupChat");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["composeExtension"]!.AsObject();
    }

    private static List<string> Titles(JsonObject result) =>
        result["attachments"]!.AsArray().Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>()).ToList();

    private static JsonObject Query(string typed, int skip = 0, int count = 25) => new()
    {
        ["commandId"] = "searchPriorities",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "priority", ["value"] = typed }),
        ["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count },
    };

    /// <summary>The demo council behind signed Teams traffic, shared by the class.</summary>
    public sealed class DemoTeams : IAsyncLifetime
    {
        private SignedInTeams? _teams;

        public SignedInTeams Teams => _teams!;

        public Task InitializeAsync()
        {
            _teams = new SignedInTeams();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await _teams!.DisposeAsync();
    }
}
