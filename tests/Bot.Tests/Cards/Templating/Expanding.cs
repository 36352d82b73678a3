using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PmfBot.Bot.Cards.Templating;

namespace PmfBot.Bot.Tests.Cards.Templating;

/// <summary>Expands a template given as JSON text and gives the result as compact, readable JSON.</summary>
internal static class Expanding
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Expand(string template, string data = "{}") =>
        Show(CardTemplate.Parse(template, "test").Expand(JsonNode.Parse(data)));

    public static string Show(JsonNode? node) => node?.ToJsonString(Readable) ?? "null";

    public static IReadOnlyList<UnresolvedField> Unresolved(string template, string data = "{}") =>
        CardTemplate.Parse(template, "test").ExpandWithDiagnostics(JsonNode.Parse(data)).Unresolved;
}
