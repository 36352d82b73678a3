using System.Text.Json;
using System.Text.Json.Nodes;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Cards;

/// <summary>
/// Cards about one priority that read the same for everyone (its status for a quarter), kept as
/// rendered under the priority's card stamp read before they were loaded
/// (<see cref="PmfDbContext.CardStampAsync"/>). A board meeting or a scrutiny session asks for the
/// same few priorities over and over; each ask then costs no query while nothing it shows changes,
/// and any saved change that touches the priority (on any server) changes its stamp, so nobody
/// sees a card older than the last change they could have heard of.
/// </summary>
public sealed class RenderedCardCache
{
    /// <summary>More than a large council's priorities and pages for a quarter or two; beyond it, start again.</summary>
    public const int MaxCards = 1024;

    private readonly StampedCache<Key, byte[]> _cards = new(MaxCards);

    /// <param name="Today">Part of the key: lateness and overdue actions change with the day, not only with the data.</param>
    public sealed record Key(string Kind, Guid PriorityId, string PeriodKey, int Page, DateOnly Today);

    /// <summary>A card of the caller's own, to change or to send on.</summary>
    public async Task<JsonObject> GetOrRenderAsync(PmfDbContext db, Key key, Func<Task<JsonObject>> render, CancellationToken cancellationToken)
    {
        var (card, rendered) = await KeptAsync(db, key, render, cancellationToken);
        return rendered ?? JsonNode.Parse(card)!.AsObject();
    }

    /// <summary>The card as kept, for a caller that only writes it out (an invoke's answer): no parsing.</summary>
    public async Task<JsonNode> GetOrRenderForAnswerAsync(PmfDbContext db, Key key, Func<Task<JsonObject>> render, CancellationToken cancellationToken)
    {
        var (card, rendered) = await KeptAsync(db, key, render, cancellationToken);
        return rendered ?? RenderedJson.Node(card);
    }

    // Kept as bytes (a fifth of the memory of the parsed card, and ready to write); the card just
    // rendered, when it was, so that it is not parsed back.
    private async Task<(byte[] Card, JsonObject? Rendered)> KeptAsync(PmfDbContext db, Key key, Func<Task<JsonObject>> render, CancellationToken cancellationToken)
    {
        JsonObject? rendered = null;
        var stamp = await db.CardStampAsync(key.PriorityId, cancellationToken);
        var card = await _cards.GetOrLoadAsync(stamp, key, async () => JsonSerializer.SerializeToUtf8Bytes(rendered = await render()), cancellationToken);
        return (card, rendered);
    }
}
