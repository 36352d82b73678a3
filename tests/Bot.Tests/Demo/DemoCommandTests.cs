using PmfBot.Bot.Demo;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.Demo;

public sealed class DemoCommandTests
{
    private static readonly DemoPerson Kate = DemoCouncil.People.Owner;

    [Fact]
    public async Task Demo_next_moves_the_demo_clock_to_the_day_Q3_returns_open_and_says_what_happens()
    {
        await using var bot = new ConversationBot(demoClock: true);

        var moved = ConversationBot.TextOf(Assert.Single(await bot.SayAsync(Kate, "demo next")));
        var where = ConversationBot.TextOf(Assert.Single(await bot.SayAsync(Kate, "demo")));

        Assert.Contains("Demo clock: Friday 2 January 2026, 9am", moved);
        Assert.Contains("Q3 2025/26 returns open", moved);
        Assert.Contains("Next milestone: Thursday 8 January 2026", moved);
        Assert.Contains("Demo clock: Friday 2 January 2026", where);
        Assert.Contains("Thursday 8 January 2026: Reminder: Q3 2025/26 returns are due in 5 working days.", where);
    }

    [Fact]
    public async Task Help_lists_the_demo_command_only_on_the_demo_clock()
    {
        await using var demo = new ConversationBot(demoClock: true);
        await using var real = new ConversationBot();

        Assert.Contains("demo [next]", ConversationBot.TextOf(Assert.Single(await demo.SayAsync(Kate, "help"))));
        Assert.DoesNotContain("demo [next]", ConversationBot.TextOf(Assert.Single(await real.SayAsync(Kate, "help"))));
    }

    [Fact]
    public async Task Without_the_demo_clock_demo_next_is_refused_and_time_does_not_move()
    {
        await using var bot = new ConversationBot();

        var refused = ConversationBot.TextOf(Assert.Single(await bot.SayAsync(Kate, "demo next")));

        Assert.Contains("Only in the local demo", refused);
        Assert.Equal(ConversationBot.DemoDay, bot.Clock.GetUtcNow());
    }
}
