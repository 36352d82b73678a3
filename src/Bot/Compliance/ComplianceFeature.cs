using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Compliance;

/// <summary>The compliance report: returns on time, late and missing, by directorate and owner.</summary>
public sealed class ComplianceFeature : IConversationFeature
{
    public void Add(IServiceCollection services)
    {
        services.AddCommand<ComplianceCard>(new("compliance", "compliance", "Returns on time, late and missing, by directorate and owner.", "compliance", CommandAudience.Lookup));
        services.AddCardAction<ComplianceCard>("compliance.show");
        services.AddCardAction<ReleaseQuarterAction>(ReleaseQuarterAction.Verb);
        services.AddPagedCard(ComplianceCard.Kind, async (s, r, page, ct) => await s.GetRequiredService<ComplianceCard>().ShowAsync(r, page, ct));
    }
}
