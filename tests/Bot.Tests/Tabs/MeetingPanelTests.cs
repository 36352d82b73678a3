using System.Net;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tabs;
using PmfBot.Bot.Tests.Tabs.Support;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;

namespace PmfBot.Bot.Tests.Tabs;

/// <summary>
/// The board meeting's side panel: the board's summary and the decisions waiting; the chair decides there through
/// the same rules and audit as the approval card. Each test decides on a rating of its own site.
/// </summary>
public sealed class MeetingPanelTests : IAsyncLifetime
{
    private readonly TabsSite _site = new();

    private TabsCouncil Council => _site.Council;

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task The_chair_sees_the_summary_and_a_form_for_each_proposal_waiting()
    {
        var (response, page) = await _site.ContentAsync(TabAddresses.MeetingContent(Council.Own.Board.Id), _site.TokenFor(Council.Own.Chair));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 priority: 0 green, 0 amber, 0 red, 1 not yet decided", page.QuerySelector("#summary")!.ParentElement!.TextContent);
        Assert.Contains(TabsCouncil.ChildrenProposal, page.Body!.TextContent);
        Assert.Single(page.QuerySelectorAll("form[data-tab-form]"));
    }

    [Fact]
    public async Task A_board_member_reads_the_proposal_but_has_no_form()
    {
        var (_, page) = await _site.ContentAsync(TabAddresses.MeetingContent(Council.Own.Board.Id), _site.TokenFor(Council.Own.ScrutinyMember));

        Assert.Contains(TabsCouncil.ChildrenProposal, page.Body!.TextContent);
        Assert.Empty(page.QuerySelectorAll("form"));
    }

    [Fact]
    public async Task Another_boards_chair_in_the_meeting_reads_neither_proposal_nor_form()
    {
        var (_, page) = await _site.ContentAsync(TabAddresses.MeetingContent(Council.Own.Board.Id), _site.TokenFor(Council.HealthChair));

        Assert.Contains("1 proposed rating waits for the chair's decision", page.Body!.TextContent);
        Assert.DoesNotContain(TabsCouncil.ChildrenProposal, page.Body.TextContent);
        Assert.Empty(page.QuerySelectorAll("form"));
    }

    [Fact]
    public async Task The_chair_approves_in_the_panel_and_the_rating_is_decided_and_audited()
    {
        var (response, page) = await DecideAsync(Council.Own.Chair, new() { ["decision"] = "approve" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You approved Amber for CPP-C1", page.QuerySelector(".notice")?.TextContent);
        await using var db = _site.Database.NewContext();
        var rating = await db.Ratings.SingleAsync(r => r.Id == Council.ChildrenRating.Id);
        Assert.Equal(RatingState.Approved, rating.State);
        Assert.Equal(Council.Own.Chair.Id, rating.DecidedById);
        Assert.Contains(await db.AuditLog.Where(a => a.EntityId == rating.Id).ToListAsync(), a => a.Action == "approved" && a.ActorPersonId == Council.Own.Chair.Id);
        Assert.Contains("No proposed rating is waiting for the chair", page.Body!.TextContent);
    }

    [Fact]
    public async Task Amending_without_a_rating_or_reason_saves_nothing_and_says_why_keeping_what_was_typed()
    {
        var (_, page) = await DecideAsync(Council.Own.Chair, new() { ["decision"] = "amend", ["amendedRating"] = "", ["reason"] = "", ["comment"] = "kept" });

        Assert.Contains("Nothing was saved", page.QuerySelector(".notice")?.TextContent);
        Assert.Contains("Choose the rating the board agrees", page.Body!.TextContent);
        Assert.Equal("kept", page.QuerySelector("textarea[name=comment]")?.TextContent);
        await using var db = _site.Database.NewContext();
        Assert.Equal(RatingState.Proposed, (await db.Ratings.SingleAsync(r => r.Id == Council.ChildrenRating.Id)).State);
    }

    [Fact]
    public async Task Amending_to_the_proposed_rating_is_refused_by_the_domain_rule()
    {
        var (_, page) = await DecideAsync(Council.Own.Chair, new() { ["decision"] = "amend", ["amendedRating"] = "Amber", ["reason"] = "The board agrees." });

        Assert.Contains("approve it instead of amending it", page.QuerySelector(".notice")?.TextContent);
        await using var db = _site.Database.NewContext();
        Assert.Equal(RatingState.Proposed, (await db.Ratings.SingleAsync(r => r.Id == Council.ChildrenRating.Id)).State);
    }

    [Fact]
    public async Task The_chair_amends_with_a_reason()
    {
        var (_, page) = await DecideAsync(Council.Own.Chair, new() { ["decision"] = "amend", ["amendedRating"] = "Red", ["reason"] = "Persistent absence rose again in October." });

        Assert.Contains("You amended the rating for CPP-C1 to Red", page.QuerySelector(".notice")?.TextContent);
        await using var db = _site.Database.NewContext();
        var rating = await db.Ratings.SingleAsync(r => r.Id == Council.ChildrenRating.Id);
        Assert.Equal((RatingState.Amended, Rag.Red, "Persistent absence rose again in October."), (rating.State, rating.AmendedRag!.Value, rating.ChairComment));
    }

    [Fact]
    public async Task Someone_who_is_not_the_chair_cannot_decide_by_posting_the_form()
    {
        var (_, page) = await DecideAsync(Council.Own.ScrutinyMember, new() { ["decision"] = "approve" });

        Assert.Contains("Only the chair of Children's Trust Board", page.QuerySelector(".notice")?.TextContent);
        await using var db = _site.Database.NewContext();
        Assert.Equal(RatingState.Proposed, (await db.Ratings.SingleAsync(r => r.Id == Council.ChildrenRating.Id)).State);
    }

    [Fact]
    public async Task A_decision_on_a_rating_changed_since_the_panel_loaded_changes_nothing()
    {
        var (_, page) = await DecideAsync(Council.Own.Chair, new() { ["decision"] = "approve", ["version"] = "999" });

        Assert.Contains("changed since the panel was loaded", page.QuerySelector(".notice")?.TextContent);
        await using var db = _site.Database.NewContext();
        Assert.Equal(RatingState.Proposed, (await db.Ratings.SingleAsync(r => r.Id == Council.ChildrenRating.Id)).State);
    }

    [Fact]
    public async Task A_chair_cannot_decide_another_boards_rating_through_her_own_boards_panel()
    {
        var (_, page) = await DecideAsync(Council.Own.Chair, new() { ["decision"] = "approve", ["ratingId"] = Council.HealthRating.Id.ToString() });

        Assert.Contains("cannot find the rating", page.QuerySelector(".notice")?.TextContent);
        await using var db = _site.Database.NewContext();
        Assert.Equal(RatingState.Proposed, (await db.Ratings.SingleAsync(r => r.Id == Council.HealthRating.Id)).State);
    }

    private async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> DecideAsync(Domain.People.Person who, Dictionary<string, string> fields)
    {
        await using (var db = _site.Database.NewContext())
        {
            var version = (await db.Ratings.SingleAsync(r => r.Id == Council.ChildrenRating.Id)).Version;
            fields.TryAdd("ratingId", Council.ChildrenRating.Id.ToString());
            fields.TryAdd("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return await _site.ContentAsync(TabAddresses.Decide(Council.Own.Board.Id), _site.TokenFor(who), fields);
    }
}
