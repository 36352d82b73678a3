using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.SelfAssessments;

/// <summary>A directorate's self assessment before its board meets.</summary>
public sealed class SelfAssessmentsFeature : IConversationFeature
{
    public void Add(IServiceCollection services)
    {
        services.AddScoped<SelfAssessmentCard>();
        services.AddCardAction<SaveSelfAssessmentAction>("selfAssessment.save");
    }
}
