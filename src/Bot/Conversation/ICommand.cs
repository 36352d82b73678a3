using System.Text.Json.Nodes;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Domain.People;

namespace PmfBot.Bot.Conversation;

/// <summary>A chat command: its handler builds the card that answers it.</summary>
public interface ICommand
{
    Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken);
}

/// <param name="Person">The speaker, or null when PmfBot does not know them.</param>
/// <param name="Argument">What follows the command's words ("CPP-H1" in "status CPP-H1").</param>
public sealed record CommandRequest(Person? Person, string Argument, MessageActivity Activity)
{
    public bool InChannel => Activity.Conversation.ConversationType is "channel" or "groupChat";
}
