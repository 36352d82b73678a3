using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Returns;

/// <summary>Indicator owners enter, check and submit their returns; directorate leads sign them off.</summary>
public sealed class ReturnsFeature : IConversationFeature
{
    public void Add(IServiceCollection services)
    {
        services.AddCommand<MyReturnsCommand>(new("my returns", "my returns", "Enter, check and submit the returns you are due to make.", "my returns", CommandAudience.Yours));
        services.AddScoped<ReturnCards>();
        services.AddScoped<SignOffCards>();
        services.AddCardAction<CheckReturnsAction>("returns.check");
        services.AddCardAction<SaveReturnDraftsAction>("returns.saveDraft");
        services.AddCardAction<SubmitReturnsAction>("returns.submit");
        services.AddCardAction<TurnReturnPageAction>("returns.page");
        services.AddCardAction<CorrectReturnAction>("returns.correct");
        services.AddCardAction<ShowReturnsAction>("returns.show");
        services.AddCardAction<SignOffAllAction>("signoff.all");
        services.AddCardAction<SendBackReturnAction>("signoff.sendBack");
        services.AddPagedCard("submitted-card", async (s, r, _, ct) => await ReturnsPaging.SubmittedCardPageAsync(s, r, ct));
        services.AddPagedCard("sign-off-card", async (s, r, _, ct) => await ReturnsPaging.SignOffCardPageAsync(s, r, ct));
    }
}
