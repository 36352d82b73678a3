using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Publication;
using PmfBot.Bot.Tests.Conversation.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Bot.Tests.Conversation.Cycle;

/// <summary>"cycle publish [quarter]" and "cycle unpublish &lt;quarter&gt;": the performance team releases a quarter for public display, in chat.</summary>
public sealed class CyclePublishCommandTests : IAsyncLifetime
{
    private static readonly DemoPerson Officer = DemoCouncil.People.PerformanceOfficer;
    private readonly ConversationBot _bot = new(alsoServices: s => s.Configure<PublicationOptions>(o => o.Enabled = true));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_performance_team_releases_the_last_quarter_ended_and_is_told_what_the_public_now_sees()
    {
        var text = Say(await _bot.SayAsync(Officer, "cycle publish"));

        Assert.Contains("Quarter 2 2025/26 released", text);
        Assert.Contains("Quarter 2 2025/26 is released for public display: its scorecards are now on the published pages (/published/2025-26-Q2).", text);
        Assert.Matches(@"\d+ ratings? agreed by their boards", text);
        await using var db = _bot.NewContext();
        var release = await db.QuarterReleases.SingleAsync();
        Assert.Equal((Period.Quarter(2025, 2), true), (release.Period, release.IsReleased));
        var audit = await db.AuditLog.SingleAsync(a => a.EntityType == QuarterRelease.AuditEntityType);
        Assert.Equal((Officer.Name, QuarterRelease.ReleasedAction), (audit.ActorName, audit.Action));
    }

    [Fact]
    public async Task Releasing_twice_says_it_was_already_released_and_by_whom()
    {
        await _bot.SayAsync(Officer, "cycle publish 2025-26-Q2");

        var text = Say(await _bot.SayAsync(Officer, "cycle publish 2025-26-Q2"));

        Assert.Contains("Already released", text);
        Assert.Contains("Quarter 2 2025/26 was already released by Alison Pryce on 24 November 2025 at 10:00: nothing has changed.", text);
        await using var db = _bot.NewContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EntityType == QuarterRelease.AuditEntityType));
    }

    [Fact]
    public async Task Someone_outside_the_performance_team_is_refused_and_nothing_is_released()
    {
        var text = Say(await _bot.SayAsync(DemoCouncil.People.ScrutinyChair, "cycle publish 2025-26-Q2"));

        Assert.Contains("Only the performance team can release a quarter for public display or withdraw it.", text);
        await using var db = _bot.NewContext();
        Assert.Equal(0, await db.QuarterReleases.CountAsync());
    }

    [Theory]
    [InlineData("cycle publish 2025-26-Q3", "Quarter 3 2025/26 runs until 31 December 2025: it can be released once it has ended")]
    [InlineData("cycle publish Q2", "\"Q2\" is not a quarter. Write it as its financial year and number, for example 2025-26-Q2")]
    [InlineData("cycle publish 2025-26-M07", "Scorecards are released by quarter: 2025-26-M07 is not one. Write the quarter like 2025-26-Q3.")]
    [InlineData("cycle publish 2019-20-Q1", "Nothing has been submitted or decided for Quarter 1 2019/20, so there is nothing to release.")]
    [InlineData("cycle unpublish", "Name the quarter to withdraw, for example: cycle unpublish 2025-26-Q2.")]
    public async Task A_quarter_that_cannot_be_released_gets_a_clear_answer(string typed, string expected)
    {
        var text = Say(await _bot.SayAsync(Officer, typed));

        Assert.Contains(expected, text);
        await using var db = _bot.NewContext();
        Assert.Equal(0, await db.QuarterReleases.CountAsync());
    }

    [Fact]
    public async Task Unpublish_withdraws_a_release_and_says_so_and_withdrawing_again_changes_nothing()
    {
        await _bot.SayAsync(Officer, "cycle publish 2025-26-Q2");

        var withdrawn = Say(await _bot.SayAsync(Officer, "cycle unpublish 2025-26-Q2"));
        var again = Say(await _bot.SayAsync(Officer, "cycle unpublish 2025-26-Q2"));

        Assert.Contains("Quarter 2 2025/26 is withdrawn from public display", withdrawn);
        Assert.Contains("Quarter 2 2025/26 is not released, so there was nothing to withdraw.", again);
        await using var db = _bot.NewContext();
        Assert.False((await db.QuarterReleases.SingleAsync()).IsReleased);
        Assert.Equal(
            [QuarterRelease.ReleasedAction, QuarterRelease.WithdrawnAction],
            await db.AuditLog.Where(a => a.EntityType == QuarterRelease.AuditEntityType).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task The_cycle_commands_list_names_publish_and_unpublish()
    {
        var text = Say(await _bot.SayAsync(Officer, "cycle what"));

        Assert.Contains("cycle publish [quarter]", text);
        Assert.Contains("cycle unpublish <quarter>", text);
    }

    private static string Say(IReadOnlyList<System.Text.Json.Nodes.JsonObject> cards) => ConversationBot.TextOf(Assert.Single(cards));
}
