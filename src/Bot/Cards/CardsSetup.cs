using PmfBot.Bot.Cards.Templating;

namespace PmfBot.Bot.Cards;

public static class CardsSetup
{
    /// <summary>The templates from cards/ (copied beside the binary), parsed once at start.</summary>
    public static IServiceCollection AddCards(this IServiceCollection services)
    {
        services.AddSingleton(_ => CardTemplates.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "cards")));
        services.AddSingleton<CardRenderer>();
        services.AddSingleton<RenderedCardCache>();
        return services;
    }
}
