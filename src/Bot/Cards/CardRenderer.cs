using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PmfBot.Bot.Cards.Templating;

namespace PmfBot.Bot.Cards;

/// <summary>
/// Expands a template from cards/ with data the bot built, and refuses a card Teams would not
/// show: one with a field the data lacks, or over Teams' 28 KB.
/// </summary>
public sealed class CardRenderer(CardTemplates templates)
{
    /// <summary>Teams' limit for a card, in bytes of UTF-8 JSON.</summary>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>Paged cards shrink their page while a card is this large or larger (docs/cards.md).</summary>
    public const int ComfortableCardBytes = 27 * 1024;

    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web);

    public JsonObject Render(string template, object data)
    {
        var card = Expand(template, data);
        var size = SizeOf(card);
        return size >= MaxCardBytes
            ? throw new InvalidOperationException($"Card {template} is {size} bytes; Teams shows cards up to {MaxCardBytes}.")
            : card;
    }

    /// <summary>
    /// Renders the first of <paramref name="variants"/> (fullest first) that stays comfortably under the
    /// limit; the last one is rendered whatever its size (and refused if over the limit).
    /// </summary>
    public JsonObject RenderFirstThatFits(string template, params Func<object>[] variants)
    {
        for (var i = 0; i < variants.Length - 1; i++)
        {
            var card = Expand(template, variants[i]());
            if (SizeOf(card) < ComfortableCardBytes)
            {
                return card;
            }
        }

        return Render(template, variants[^1]());
    }

    private JsonObject Expand(string template, object data)
    {
        var node = JsonSerializer.SerializeToNode(data, data.GetType(), DataJson);
        var expansion = templates[template].ExpandWithDiagnostics(node);
        if (expansion.Unresolved.Count > 0)
        {
            throw new InvalidOperationException(
                $"Card {template} reads fields its data lacks: {string.Join(", ", expansion.Unresolved.Select(u => u.ToString()))}.");
        }

        return expansion.Card as JsonObject
            ?? throw new InvalidOperationException($"Card {template} did not expand to an object.");
    }

    /// <summary>
    /// Renders a paged card at the largest page size that keeps it comfortably under the limit:
    /// starts at the default and halves while too big (one item a page always fits).
    /// </summary>
    public JsonObject RenderPaged(string template, int defaultPageSize, Func<int, object> dataForPageSize)
    {
        for (var size = defaultPageSize; ; size = Math.Max(1, size / 2))
        {
            var card = Render(template, dataForPageSize(size));
            if (size == 1 || SizeOf(card) < ComfortableCardBytes)
            {
                return card;
            }
        }
    }

    public static int SizeOf(JsonNode card) => Encoding.UTF8.GetByteCount(card.ToJsonString());
}
