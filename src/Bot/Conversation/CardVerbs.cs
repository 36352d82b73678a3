namespace PmfBot.Bot.Conversation;

/// <summary>The card buttons the features registered (<see cref="ConversationRegistration.AddCardAction{THandler}"/>), by verb.</summary>
public sealed class CardVerbs
{
    private readonly Dictionary<string, CardVerb> _byVerb;

    public CardVerbs(IEnumerable<CardVerb> registered)
    {
        _byVerb = new Dictionary<string, CardVerb>(StringComparer.OrdinalIgnoreCase);
        foreach (var verb in registered)
        {
            if (!_byVerb.TryAdd(verb.Verb, verb))
            {
                throw new InvalidOperationException($"Two handlers registered the card verb {verb.Verb}: {_byVerb[verb.Verb].Handler.Name} and {verb.Handler.Name}.");
            }
        }
    }

    public IEnumerable<string> All => _byVerb.Keys;

    /// <summary>The handler and the verb as registered (a tag value from a fixed list, whatever case Teams sent).</summary>
    public bool TryFind(string verb, out CardVerb found) => _byVerb.TryGetValue(verb, out found!);
}
