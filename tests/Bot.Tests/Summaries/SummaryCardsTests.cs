using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Summaries;
using PmfBot.Bot.Tests.Status;
using PmfBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;

namespace PmfBot.Bot.Tests.Summaries;

public sealed class SummaryCardsTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    [Fact]
    public async Task Board_show_lists_every_priority_with_its_rating_and_the_most_serious_exceptions()
    {
        var boardId = await ReadCards.BoardIdAsync(Bot, "Housing and Regeneration Board");
        var data = new JsonObject { ["cardKind"] = "status-card", ["boardId"] = boardId.ToString(), ["periodKey"] = "2025-26-Q2" };

        var card = ConversationBot.CardOf(await Bot.ClickAsync(DemoCouncil.People.ScrutinyMember, "board.show", data));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Housing and Regeneration Board", text);
        Assert.Contains("Cllr Bethan Rowlands", text);
        Assert.Contains("HR1", text);
        Assert.Contains("HR2", text);
        Assert.Contains("amended", text);
        Assert.Contains("NI 154", text);
        Assert.Contains("Board actions:", text);
        Assert.All(ReadCards.Actions(card), a => Assert.Contains(a["verb"]!.GetValue<string>(), ReadCards.ReadVerbs));
        // The RAG mix drawn as a donut, with the headline's counts as its fallback.
        var donut = Assert.Single(ReadCards.Charts(card));
        Assert.Equal("Chart.Donut", donut["type"]!.GetValue<string>());
        var counts = ReadCards.FallbackText(donut);
        Assert.Contains(counts, text.Split(" | ")[2]);
        Assert.All(donut["data"]!.AsArray(), s => Assert.Contains($"{ReadCards.Number(s!["value"])} {s["legend"]!.GetValue<string>().ToLowerInvariant()}", counts));
    }

    [Fact]
    public async Task Summaries_share_one_reading_of_the_council_until_a_change_is_saved_then_show_the_change()
    {
        var boardId = await ReadCards.BoardIdAsync(Bot, "Housing and Regeneration Board");
        var data = new JsonObject { ["cardKind"] = "status-card", ["boardId"] = boardId.ToString(), ["periodKey"] = "2025-26-Q2" };
        var before = ConversationBot.TextOf(ConversationBot.CardOf(await Bot.ClickAsync(DemoCouncil.People.ScrutinyMember, "board.show", data.DeepClone().AsObject())));
        await using (var otherServer = Bot.NewContext())
        {
            var chair = await otherServer.People.SingleAsync(p => p.Name == "Cllr Bethan Rowlands");
            chair.Rename("Cllr Bethan Rowlands-Hughes");
            await otherServer.SaveChangesAsync();
        }

        var after = ConversationBot.TextOf(ConversationBot.CardOf(await Bot.ClickAsync(DemoCouncil.People.ScrutinyMember, "board.show", data)));
        var scrutinyId = await ReadCards.BoardIdAsync(Bot, "Scrutiny Board (Strategy and Resources)");
        using var scope = Bot.Services.CreateScope();
        var scrutiny = ConversationBot.TextOf(await scope.ServiceProvider.GetRequiredService<SummaryCards>().ScrutinySummaryAsync(scrutinyId, Period.Quarter(2025, 2), CancellationToken.None));

        Assert.DoesNotContain("Rowlands-Hughes", before);
        Assert.Contains("Cllr Bethan Rowlands-Hughes", after);
        Assert.Contains("Cllr Bethan Rowlands-Hughes", scrutiny);
    }

    [Fact]
    public async Task The_scrutiny_summary_lists_every_board_with_its_ratings_and_top_exceptions()
    {
        var scrutinyId = await ReadCards.BoardIdAsync(Bot, "Scrutiny Board (Strategy and Resources)");
        using var scope = Bot.Services.CreateScope();

        var card = await scope.ServiceProvider.GetRequiredService<SummaryCards>().ScrutinySummaryAsync(scrutinyId, Period.Quarter(2025, 2), CancellationToken.None);

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Scrutiny Board (Strategy and Resources)", text);
        Assert.Contains("6 boards", text);
        Assert.Contains("Health and Wellbeing Board", text);
        Assert.Contains("Best Council Board", text);
        Assert.Contains("Most serious", text);
        Assert.All(ReadCards.Actions(card), a => Assert.Contains(a["verb"]!.GetValue<string>(), ReadCards.ReadVerbs));
        // Each board's priorities by rating as stacked bars; each bar's fallback line is the board's counts in words.
        var bars = Assert.Single(ReadCards.Charts(card));
        Assert.Equal("Chart.HorizontalBar.Stacked", bars["type"]!.GetValue<string>());
        Assert.Equal(6, bars["data"]!.AsArray().Count);
        var lines = ReadCards.FallbackText(bars);
        Assert.All(bars["data"]!.AsArray(), bar => Assert.All(bar!["data"]!.AsArray(), slice =>
            Assert.Contains($"{ReadCards.Number(slice!["value"])} {slice["legend"]!.GetValue<string>().ToLowerInvariant()}", lines)));
    }

    [Fact]
    public async Task A_scrutiny_summary_too_large_for_one_card_leaves_out_the_green_priorities_instead_of_failing()
    {
        var scrutinyId = await ReadCards.BoardIdAsync(Bot, "Scrutiny Board (Strategy and Resources)");
        var q2 = Period.Quarter(2025, 2);
        await using (var db = Bot.NewContext())
        {
            var board = await db.Boards.SingleAsync(b => b.Name == "Best Council Board");
            var chair = await db.People.SingleAsync(p => p.Id == board.ChairId);
            var template = await db.Priorities.FirstAsync(p => p.BoardId == board.Id);
            var lead = await db.People.SingleAsync(p => p.Id == template.LeadOfficerId);
            for (var n = 1; n <= 150; n++)
            {
                var priority = new Priority(Guid.NewGuid(), $"BIG-{n:000}", $"A priority of a very large council, number {n}, worded as long as plans word them", template.PlanId, board.Id, lead.Id, template.DirectorateId);
                db.Priorities.Add(priority);
                var rating = PriorityRating.AwaitProposal(priority, q2, Bot.Clock.GetUtcNow());
                rating.Propose(lead, Rag.Green, "On track.", Bot.Clock.GetUtcNow());
                rating.Approve(chair, board, Bot.Clock.GetUtcNow());
                db.Ratings.Add(rating);
            }

            await db.SaveChangesAsync();
        }

        using var scope = Bot.Services.CreateScope();
        var card = await scope.ServiceProvider.GetRequiredService<SummaryCards>().ScrutinySummaryAsync(scrutinyId, q2, CancellationToken.None);

        var text = ConversationBot.TextOf(card);
        Assert.True(CardRenderer.SizeOf(card) < CardRenderer.MaxCardBytes);
        Assert.Contains("Priorities rated green are not listed", text);
        Assert.Contains("HR2", text);
        Assert.DoesNotContain("BIG-001", text);
        Assert.Contains("Best Council Board", text);
    }
}
