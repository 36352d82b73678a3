using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;

namespace PmfBot.Bot.Tests.Ratings;

public sealed class RatingApprovalTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    private ConversationBot _bot => Bot; // the name the tests below were written with
    private readonly RatingJourney _journey = new(shared.Bot);

    [Fact]
    public async Task The_lead_officer_proposes_and_the_proposal_card_shows_it_waiting_for_the_chair()
    {
        var before = await _journey.RatingAsync();
        Assert.Equal(RatingState.SentBack, before.State);

        var card = await _journey.ProposeAsync("Amber");

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Your proposal of Amber was saved", text);
        Assert.Contains("waits for the chair, Cllr Rosa Whitfield", text);
        Assert.Contains("Proposed: waiting for the chair", text);
        Assert.Contains("Change my proposal", text);
        var after = await _journey.RatingAsync();
        Assert.Equal((RatingState.Proposed, Rag.Amber, before.Version + 1), (after.State, after.ProposedRag, after.Version));
    }

    [Fact]
    public async Task A_proposal_without_a_rating_or_summary_gets_errors_beside_the_fields_and_saves_nothing()
    {
        var before = await _journey.RatingAsync();

        var card = await _journey.ProposeAsync(rating: "", summary: "  ");

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Choose green, amber or red.", text);
        Assert.Contains("Write a short summary of progress to go with the rating.", text);
        Assert.Contains("Nothing was saved", text);
        Assert.Equal(before.Version, (await _journey.RatingAsync()).Version);
    }

    [Fact]
    public async Task The_chair_approves_gets_the_decided_card_and_the_original_message_is_edited_for_everyone()
    {
        await _journey.ProposeAsync("Amber");
        var before = _bot.Connector.LogEntries.Count();

        var card = await _journey.ClickAsync(RatingJourney.Chair, "rating.approve");

        var text = ConversationBot.TextOf(card);
        Assert.Contains("You approved Amber", text);
        Assert.Contains("Approved by the chair", text);
        Assert.False(RatingJourney.HasVerb(card, "rating.approve"));
        var rating = await _journey.RatingAsync();
        Assert.Equal((RatingState.Approved, Rag.Amber), (rating.State, rating.FinalRag));

        var put = Assert.Single(_bot.Connector.LogEntries.Skip(before), e => e.RequestMessage.Method == "PUT");
        Assert.EndsWith("/activities/1:card-message", Uri.UnescapeDataString(put.RequestMessage.Path));
        var everyone = JsonNode.Parse(put.RequestMessage.Body!)!["attachments"]![0]!["content"]!;
        var everyoneText = ConversationBot.TextOf(everyone);
        Assert.Contains("Approved by the chair", everyoneText);
        Assert.DoesNotContain("You approved", everyoneText);
        Assert.False(RatingJourney.HasVerb(everyone, "rating.approve"));
    }

    [Fact]
    public async Task The_chair_amends_with_a_reason_and_everyone_sees_the_amended_rating()
    {
        await _journey.ProposeAsync("Amber");

        var card = await _journey.ClickAsync(RatingJourney.Chair, "rating.amend", new JsonObject
        {
            ["amendedRating"] = "Red",
            ["reason"] = "Delays are still well above target; the board rates this red until they fall.",
        });

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Amended by the chair", text);
        Assert.Contains("amended from Amber by Cllr Rosa Whitfield on 24 Nov 2025", text);
        Assert.Contains("Delays are still well above target", text);
        var rating = await _journey.RatingAsync();
        Assert.Equal((RatingState.Amended, Rag.Red), (rating.State, rating.FinalRag));
        Assert.Contains(_bot.Connector.LogEntries, e => e.RequestMessage.Method == "PUT");
    }

    [Fact]
    public async Task Amending_without_a_reason_shows_the_error_beside_the_field_and_saves_nothing()
    {
        await _journey.ProposeAsync("Amber");
        var before = await _journey.RatingAsync();

        var card = await _journey.ClickAsync(RatingJourney.Chair, "rating.amend", new JsonObject { ["amendedRating"] = "Red", ["reason"] = "" });

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Say why you are changing the proposed rating.", text);
        Assert.Contains("Nothing was saved", text);
        Assert.True(RatingJourney.HasVerb(card, "rating.amend"));
        var after = await _journey.RatingAsync();
        Assert.Equal((RatingState.Proposed, before.Version), (after.State, after.Version));
        Assert.DoesNotContain(_bot.Connector.LogEntries, e => e.RequestMessage.Method == "PUT");
    }

    [Fact]
    public async Task An_owner_who_is_not_the_chair_is_refused_with_the_reason()
    {
        await _journey.ProposeAsync("Amber");
        var before = await _journey.RatingAsync();

        var card = await _journey.ClickAsync(DemoCouncil.People.Owner, "rating.approve");

        var text = ConversationBot.TextOf(card);
        Assert.StartsWith("You cannot approve this rating | Only the chair of Health and Wellbeing Board can decide the rating for HW2.", text);
        var after = await _journey.RatingAsync();
        Assert.Equal((RatingState.Proposed, before.Version), (after.State, after.Version));
    }

    [Fact]
    public async Task Approving_twice_saves_one_decision_and_the_second_click_sees_the_outcome()
    {
        await _journey.ProposeAsync("Amber");
        var data = await _journey.DataAsync();

        await _bot.ClickAsync(RatingJourney.Chair, "rating.approve", (JsonObject)data.DeepClone());
        var second = ConversationBot.CardOf(await _bot.ClickAsync(RatingJourney.Chair, "rating.approve", data));

        Assert.Contains("This rating was already approved", ConversationBot.TextOf(second));
        var rating = await _journey.RatingAsync();
        Assert.Equal(int.Parse(data["version"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) + 1, rating.Version);
        await using var db = _bot.NewContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EntityId == rating.Id && a.Action == "approved"));
    }

    [Fact]
    public async Task Two_windows_deciding_at_once_one_wins_and_nothing_is_overwritten()
    {
        await _journey.ProposeAsync("Amber");
        var data = await _journey.DataAsync();
        var amend = (JsonObject)data.DeepClone();
        amend["amendedRating"] = "Red";
        amend["reason"] = "The board rates this red until delays fall.";

        var answers = await Task.WhenAll(
            _bot.ClickAsync(RatingJourney.Chair, "rating.approve", data, "1:window-a"),
            _bot.ClickAsync(RatingJourney.Chair, "rating.amend", amend, "1:window-b"));

        var rating = await _journey.RatingAsync();
        Assert.Contains(rating.State, new[] { RatingState.Approved, RatingState.Amended });
        Assert.Equal(int.Parse(data["version"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) + 1, rating.Version);
        var texts = answers.Select(a => ConversationBot.TextOf(ConversationBot.CardOf(a))).ToList();
        Assert.Single(texts, t => t.Contains("Everyone who sees this card now sees the outcome", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stale_card_changes_nothing_and_shows_the_latest_with_a_notice()
    {
        await _journey.ProposeAsync("Amber");
        var before = await _journey.RatingAsync();

        var card = await _journey.ClickAsync(RatingJourney.Chair, "rating.approve", version: (before.Version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains("This card was out of date; here is the latest. Nothing was changed.", ConversationBot.TextOf(card));
        Assert.True(RatingJourney.HasVerb(card, "rating.approve"));
        Assert.Equal(before.Version, (await _journey.RatingAsync()).Version);
    }

    [Fact]
    public async Task Refresh_gives_the_chair_the_buttons_and_everyone_else_a_read_only_view()
    {
        await _journey.ProposeAsync("Amber");
        await _bot.SayAsync(RatingJourney.Chair, "help"); // PmfBot now knows the chair's Teams user id

        var chairs = await _journey.ClickAsync(RatingJourney.Chair, "card.refresh");
        var scrutiny = await _journey.ClickAsync(DemoCouncil.People.ScrutinyMember, "card.refresh");

        Assert.True(RatingJourney.HasVerb(chairs, "rating.approve"));
        Assert.True(RatingJourney.HasVerb(chairs, "rating.sendBack"));
        Assert.False(RatingJourney.HasVerb(scrutiny, "rating.approve"));
        Assert.Contains("Only the chair, Cllr Rosa Whitfield, can approve, amend or send back this rating.", ConversationBot.TextOf(scrutiny));
        var userIds = chairs["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        Assert.Equal(["29:" + RatingJourney.Chair.Email], userIds);
    }

    [Fact]
    public async Task The_chair_sends_it_back_with_a_comment_and_the_lead_sees_it_on_the_proposal_card()
    {
        await _journey.ProposeAsync("Green");

        var card = await _journey.ClickAsync(RatingJourney.Chair, "rating.sendBack", new JsonObject { ["comment"] = "Please say what is being done about winter pressures." });

        Assert.Contains("Sent back to the lead officer", ConversationBot.TextOf(card));
        var data = await _journey.DataAsync();
        data["cardKind"] = "rating-proposal-card";
        var proposal = ConversationBot.CardOf(await _bot.ClickAsync(RatingJourney.Lead, "rating.propose", data));
        var text = ConversationBot.TextOf(proposal);
        Assert.Contains("Please say what is being done about winter pressures.", text);
        Assert.Contains("Choose green, amber or red.", text);
    }
}
