using System.Text.Json.Nodes;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Domain.People;

namespace PmfBot.Bot.Conversation;

/// <summary>What a card button does: one verb, answered with the card to show the clicker.</summary>
public interface ICardAction
{
    Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// A click on a card. <see cref="Data"/> holds the action's data merged with the card's inputs
/// (as Teams sends them); the person is always the one Teams says clicked, never the card's word.
/// </summary>
public sealed record CardActionRequest(Person Person, string Verb, JsonObject Data, InvokeActivity Activity, IConnectorClient Connector)
{
    public string Text(string key) => Data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    public Guid Id(string key) => Guid.TryParse(Text(key), out var id) ? id : Guid.Empty;

    public int Number(string key, int fallback) => Data[key] switch
    {
        JsonValue value when value.TryGetValue<int>(out var n) => n,
        JsonValue value when value.TryGetValue<string>(out var s) && int.TryParse(s, out var parsed) => parsed,
        _ => fallback,
    };
}
