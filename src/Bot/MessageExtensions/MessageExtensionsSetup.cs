using PmfBot.Bot.Teams;

namespace PmfBot.Bot.MessageExtensions;

public static class MessageExtensionsSetup
{
    /// <summary>Search and share from any chat: the priority search and the scorecard link unfurling.</summary>
    public static WebApplicationBuilder AddMessageExtensions(this WebApplicationBuilder builder)
    {
        builder.Services.AddInvokeHandler<SearchPriorities>(SearchPriorities.InvokeName);
        builder.Services.AddInvokeHandler<UnfurlScorecardLink>(UnfurlScorecardLink.InvokeName);
        return builder;
    }
}
