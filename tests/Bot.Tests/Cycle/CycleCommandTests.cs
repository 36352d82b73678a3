using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.Cycle;

public sealed class CycleCommandTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    private static readonly DemoPerson Officer = DemoCouncil.People.PerformanceOfficer;

    [Fact]
    public async Task A_performance_officer_previews_the_day_without_anything_being_queued()
    {
        var card = Assert.Single(await Bot.SayAsync(Officer, "cycle preview 1/12/2025"));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Cycle preview for 1 December 2025", text);
        Assert.Matches("would be sent; nothing has been sent or queued|Nothing new would be sent", text);
        await using var db = Bot.NewContext();
        Assert.Equal(0, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Pausing_and_resuming_are_seen_in_the_cycle_status()
    {
        var paused = ConversationBot.TextOf(Assert.Single(await Bot.SayAsync(Officer, "cycle pause")));
        var status = ConversationBot.TextOf(Assert.Single(await Bot.SayAsync(Officer, "cycle")));
        var resumed = ConversationBot.TextOf(Assert.Single(await Bot.SayAsync(Officer, "cycle resume")));

        Assert.Contains("Paused by Alison Pryce", paused);
        Assert.Contains("Paused by Alison Pryce", status);
        Assert.Contains("Running", resumed);
    }

    [Fact]
    public async Task A_performance_officer_can_run_the_cycle_now()
    {
        var card = Assert.Single(await Bot.SayAsync(Officer, "cycle run"));

        Assert.Contains("I have started the cycle for today", ConversationBot.TextOf(card));
    }

    [Fact]
    public async Task The_performance_team_sees_who_could_not_be_messaged()
    {
        Bot.CreateClient(); // starts the host, which prepares and seeds the database
        await using (var db = Bot.NewContext())
        {
            var owner = await db.People.SingleAsync(p => p.Email == DemoCouncil.People.Owner.Email);
            var message = PmfBot.Domain.Outbox.OutboxMessage.ToPerson("ReturnsOpen:test", "nudge.ReturnsOpen", owner.Id, null, "{}", ConversationBot.DemoDay);
            message.MarkBlocked(ConversationBot.DemoDay);
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
        }

        var card = Assert.Single(await Bot.SayAsync(Officer, "cycle problems"));

        Assert.Contains("nudge.ReturnsOpen to Kate Hughes: they have blocked PmfBot in Teams", ConversationBot.TextOf(card));
    }

    [Fact]
    public async Task Someone_made_a_performance_officer_elsewhere_is_let_in_at_their_next_ask()
    {
        var refused = ConversationBot.TextOf(Assert.Single(await Bot.SayAsync(DemoCouncil.People.Owner, "cycle")));
        await using (var otherServer = Bot.NewContext())
        {
            var owner = await otherServer.People.SingleAsync(p => p.Email == DemoCouncil.People.Owner.Email);
            owner.IsPerformanceTeam = true;
            await otherServer.SaveChangesAsync();
        }

        var allowed = ConversationBot.TextOf(Assert.Single(await Bot.SayAsync(DemoCouncil.People.Owner, "cycle")));

        Assert.Contains("Only the performance team", refused);
        Assert.DoesNotContain("Only the performance team", allowed);
    }

    [Theory]
    [InlineData("cycle problems")]
    [InlineData("cycle pause")]
    [InlineData("cycle preview")]
    [InlineData("cycle run")]
    [InlineData("cycle")]
    public async Task Anyone_outside_the_performance_team_is_refused_with_the_reason(string command)
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.Owner, command));

        Assert.Contains("Only the performance team can run, preview or pause the cycle.", ConversationBot.TextOf(card));
        await using var db = Bot.NewContext();
        Assert.False(await db.Set<PmfBot.Domain.Cycle.CycleState>().AnyAsync(s => s.IsPaused));
    }
}
