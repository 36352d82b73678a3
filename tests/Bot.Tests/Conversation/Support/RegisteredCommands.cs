using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Tests.Conversation.Support;

/// <summary>The chat commands every feature registers, as the bot builds its table, without starting a host.</summary>
public static class RegisteredCommands
{
    public static CommandRoutes Routes { get; } = Build();

    private static CommandRoutes Build()
    {
        var services = new ServiceCollection();
        foreach (var feature in ConversationSetup.Features())
        {
            feature.Add(services);
        }

        return new CommandRoutes(services
            .Where(d => d.ServiceType == typeof(CommandRoute))
            .Select(d => (CommandRoute)d.ImplementationInstance!));
    }
}
