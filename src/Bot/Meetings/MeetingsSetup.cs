using PmfBot.Bot.Teams;
using PmfBot.Bot.Teams.Activities;

namespace PmfBot.Bot.Meetings;

public static class MeetingsSetup
{
    /// <summary>The board meeting in Teams: the summary posted into the meeting chat when the meeting starts.</summary>
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        builder.Services.AddActivityHandler<EventActivity, PostSummaryAtMeetingStart>();
        return builder;
    }
}
