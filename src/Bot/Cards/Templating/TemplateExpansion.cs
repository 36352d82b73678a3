using System.Text.Json.Nodes;

namespace PmfBot.Bot.Cards.Templating;

/// <summary>A field the data did not have: the official library, and so this one, leaves it as "${path}" in the card.</summary>
/// <param name="Path">The expression path as the official library reports it (title, $root.owner.name, items[0].value).</param>
/// <param name="Location">Where in the template, as a JSON path ($.body[2].text).</param>
public sealed record UnresolvedField(string Path, string Location);

/// <summary>An expanded card and the fields its data did not have.</summary>
public sealed record TemplateExpansion(JsonNode? Card, IReadOnlyList<UnresolvedField> Unresolved);
