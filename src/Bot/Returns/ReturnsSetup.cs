namespace PmfBot.Bot.Returns;

public static class ReturnsSetup
{
    /// <summary>The return and sign-off card builders: one scoped instance each, asked for by everyone who shows them.</summary>
    public static IServiceCollection AddReturnCards(this IServiceCollection services)
    {
        services.AddScoped<ReturnCards>();
        services.AddScoped<SignOffCards>();
        return services;
    }
}
