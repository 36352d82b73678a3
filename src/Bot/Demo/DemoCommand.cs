using System.Globalization;
using System.Text.Json.Nodes;
using PmfBot.Bot.Conversation;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Nudges;
using PmfBot.Scheduler.Cycle;

namespace PmfBot.Bot.Demo;

/// <summary>
/// "demo" (where the demo clock is and what comes next) and "demo next" (move the clock to the
/// cycle's next milestone and run the cycle for that day, so its messages arrive at once).
/// Local demo only: with a real Teams registration the clock is the real one and this refuses.
/// </summary>
public sealed class DemoCommand(TimeProvider clock, ReturnCalendar calendar, NudgePolicy nudges, CycleControl cycle, MessageCards messages) : ICommand
{
    private const int MilestonesShown = 4;
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (clock is not DemoClock demo)
        {
            return Task.FromResult(messages.Refusal("Only in the local demo", "The demo clock exists only when PmfBot runs locally for the Agents Playground. Here the cycle follows the real calendar."));
        }

        var verb = request.Argument.Trim().ToLowerInvariant();
        try
        {
            return Task.FromResult(verb switch
            {
                "" or "status" => Where(demo),
                "next" => Next(demo),
                _ => messages.Choose("Demo commands", "The local demo's clock.", Usage, ""),
            });
        }
        catch (PmfRuleException refused)
        {
            return Task.FromResult(messages.Refusal("That could not be done", refused.Message));
        }
    }

    private static readonly IReadOnlyList<string> Usage =
    [
        "demo: where the demo clock is and the cycle's next milestones",
        "demo next: move the clock to the next milestone and run the cycle for that day",
    ];

    private JsonObject Where(DemoClock demo)
    {
        var today = UkTime.Today(demo);
        return messages.Choose(
            $"Demo clock: {Describe(today)}",
            $"The demo runs on its own clock. Quarter being reported: {ReportingPeriods.Current(Frequency.Quarterly, today).Label}. Type \"demo next\" to move to the next milestone.",
            Upcoming(today).Select(m => $"{Describe(m.Day)}: {m.What}").ToList(),
            "");
    }

    private JsonObject Next(DemoClock demo)
    {
        var milestone = CycleMilestones.Next(UkTime.Today(demo), calendar, nudges);
        demo.MoveTo(milestone.Day);
        cycle.RunSoon(milestone.Day);
        var after = Upcoming(milestone.Day).FirstOrDefault();
        return messages.Confirmation(
            $"Demo clock: {Describe(milestone.Day)}, 9am",
            $"{milestone.What} I am running the cycle for this day now: its messages arrive in a few seconds."
            + (after is null ? "" : $" Next milestone: {Describe(after.Day)}."));
    }

    private IEnumerable<CycleMilestone> Upcoming(DateOnly today) =>
        CycleMilestones.Upcoming(today, calendar, nudges).Take(MilestonesShown);

    private static string Describe(DateOnly day) => day.ToString("dddd d MMMM yyyy", British);
}
