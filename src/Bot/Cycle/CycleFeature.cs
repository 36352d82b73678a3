using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Cycle;

/// <summary>"cycle": the performance team sees, previews, pauses, resumes or runs the quarterly cycle.</summary>
public sealed class CycleFeature : IConversationFeature
{
    public void Add(IServiceCollection services) =>
        services.AddCommand<CycleCommand>(new("cycle", "cycle [preview|pause|resume|run|problems|publish|unpublish]", "Performance team: see, preview, pause, resume or run the quarterly cycle, see who could not be messaged, release a quarter for public display.", "cycle preview", CommandAudience.PerformanceTeam));
}
