using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PmfBot.Bot.Cards.Templating;

/// <summary>
/// An Adaptive Card template, parsed once and expanded on every request, with the same output as
/// Microsoft's adaptivecards-templating 2.3.1 for the subset of the templating language PmfBot's cards use
/// (<c>${path}</c>, interpolation, <c>$data</c>, <c>$when</c>, <c>$root</c>, <c>$index</c>, the operators
/// and the functions listed in ExpressionParser). Anything outside the subset fails when the template loads.
/// Thread-safe: a template holds no per-expansion state.
/// </summary>
public sealed class CardTemplate
{
    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web);

    // Card JSON goes to Teams, not into HTML: keep <, >, & and quotes readable and the payload small (28 KB limit).
    private static readonly JsonSerializerOptions OutputOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TemplateNode _root;

    private CardTemplate(string name, TemplateNode root)
    {
        Name = name;
        _root = root;
    }

    public string Name { get; }

    /// <summary>Parses a template; fails with <see cref="TemplateException"/> naming where a bad expression is.</summary>
    public static CardTemplate Parse(string json, string name = "template")
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new TemplateException(name, $"is not valid JSON: {e.Message}", e);
        }

        try
        {
            return new CardTemplate(name, TemplateNode.Prepare(node, "$"));
        }
        catch (TemplateSyntaxException e)
        {
            throw new TemplateException(name, e.Message, e);
        }
    }

    /// <summary>Loads a template file; its name is the file name without ".json".</summary>
    public static CardTemplate Load(string path) =>
        Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));

    /// <summary>Expands the template with the data as <c>$root</c>. A missing field stays as "${path}", as in the official library.</summary>
    public JsonNode? Expand(JsonNode? data) => ExpandWithDiagnostics(data).Card;

    /// <summary>Expands with an object serialised as JSON (camelCase), and returns the card as a JSON string.</summary>
    public string Expand(object? data)
    {
        var card = Expand(data as JsonNode ?? JsonSerializer.SerializeToNode(data, DataOptions));
        return card is null ? "null" : card.ToJsonString(OutputOptions);
    }

    /// <summary>Expands and lists the fields the data did not have (card tests assert there are none).</summary>
    public TemplateExpansion ExpandWithDiagnostics(JsonNode? data)
    {
        var scope = new Scope(Name, Value.FromNode(data));
        var card = _root.Expand(scope).ToNode();
        return new TemplateExpansion(card, scope.Unresolved);
    }
}
