using System.Net;
using PmfBot.Bot.Tabs;
using PmfBot.Bot.Tests.Tabs.Support;

namespace PmfBot.Bot.Tests.Tabs;

/// <summary>
/// A board's channel tab shows its scorecard for the quarter; proposals the chair has not decided reach only the
/// board that decides them (and the lead officer, and the performance team), never another board.
/// </summary>
public sealed class BoardTabTests(TabsSite site) : IClassFixture<TabsSite>
{
    private TabsCouncil Council => site.Council;

    [Fact]
    public async Task A_chair_sees_her_boards_scorecard_and_its_proposal_waiting_for_her()
    {
        var (response, page) = await site.ContentAsync(TabAddresses.BoardContent(Council.Own.Board.Id), site.TokenFor(Council.Own.Chair));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Children's Trust Board scorecard", page.QuerySelector("h1")?.TextContent);
        var text = page.Body!.TextContent;
        Assert.Contains("CPP-C1a", text);
        Assert.Contains("Awaiting board approval", text);
        Assert.Contains(TabsCouncil.ChildrenProposal, text);
    }

    [Fact]
    public async Task A_chair_opening_another_boards_tab_sees_its_published_scorecard_but_not_its_undecided_proposal()
    {
        var (response, page) = await site.ContentAsync(TabAddresses.BoardContent(Council.HealthBoard.Id), site.TokenFor(Council.Own.Chair));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("CPP-H1", text);
        Assert.Contains("Awaiting board approval", text);
        Assert.DoesNotContain(TabsCouncil.HealthProposal, text);
        Assert.DoesNotContain("Proposed by the lead officer", text);
    }

    [Fact]
    public async Task A_chairs_personal_tab_lists_her_decision_and_no_other_boards_proposal()
    {
        var (_, page) = await site.ContentAsync(TabAddresses.PersonalContent, site.TokenFor(Council.Own.Chair));

        var decisions = page.QuerySelector("#decisions")!.ParentElement!.TextContent;
        Assert.Contains("CPP-C1", decisions);
        Assert.Contains("Your decision as chair", decisions);
        Assert.Contains(TabsCouncil.ChildrenProposal, decisions);
        Assert.DoesNotContain("CPP-H1", decisions);
        Assert.DoesNotContain(TabsCouncil.HealthProposal, page.Body!.TextContent);
    }

    [Fact]
    public async Task The_scrutiny_boards_tab_shows_every_boards_priorities_without_undecided_proposals()
    {
        var (response, page) = await site.ContentAsync(TabAddresses.BoardContent(Council.ScrutinyBoard.Id), site.TokenFor(Council.ScrutinyChair));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("Children's Trust Board", text);
        Assert.Contains("Health and Wellbeing Board", text);
        Assert.DoesNotContain(TabsCouncil.ChildrenProposal, text);
        Assert.DoesNotContain(TabsCouncil.HealthProposal, text);
    }

    [Fact]
    public async Task A_tab_for_a_board_that_no_longer_exists_says_so()
    {
        var (response, page) = await site.ContentAsync(TabAddresses.BoardContent(Guid.NewGuid()), site.TokenFor(Council.Own.Chair));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such board", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task The_configuration_page_offers_the_boards_with_the_chairs_own_chosen()
    {
        var (response, page) = await site.ContentAsync(TabAddresses.Boards, site.TokenFor(Council.HealthChair));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var chosen = page.QuerySelector("select#board option[selected]");
        Assert.Equal(Council.HealthBoard.Id.ToString(), chosen?.GetAttribute("value"));
        Assert.Equal(3, page.QuerySelectorAll("select#board option").Length);
    }
}
