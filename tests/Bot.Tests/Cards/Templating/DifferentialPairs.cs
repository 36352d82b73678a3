using PmfBot.Bot.Cards.Templating;

namespace PmfBot.Bot.Tests.Cards.Templating;

/// <summary>A template with data to expand, both as JSON text.</summary>
internal sealed record TemplatePair(string Name, string TemplateJson, string DataJson);

/// <summary>
/// Every pair the differential test compares: the fixtures (one file each: {"about", "template", "data"})
/// and every card template in cards/ with each data file beside it (name.sample.json, name.large.json, name.errors.json, ...).
/// </summary>
internal static class DifferentialPairs
{
    private static readonly Lazy<IReadOnlyList<TemplatePair>> LazyAll = new(Collect);

    public static IReadOnlyList<TemplatePair> All => LazyAll.Value;

    public static TemplatePair Named(string name) => All.Single(p => p.Name == name);

    private static IReadOnlyList<TemplatePair> Collect()
    {
        var pairs = new List<TemplatePair>();
        foreach (var file in Directory.GetFiles(TemplatingRepository.Fixtures, "*.json").Order(StringComparer.Ordinal))
        {
            var fixture = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            pairs.Add(new TemplatePair(
                "fixture " + Path.GetFileNameWithoutExtension(file),
                fixture["template"]?.ToJsonString() ?? "null",
                fixture["data"]?.ToJsonString() ?? "null"));
        }

        if (Directory.Exists(TemplatingRepository.Cards))
        {
            foreach (var template in Directory.GetFiles(TemplatingRepository.Cards, "*.json").Where(f => !CardTemplates.IsDataFile(f)).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(template);
                foreach (var data in Directory.GetFiles(TemplatingRepository.Cards, $"{name}.*.json").Order(StringComparer.Ordinal))
                {
                    var variant = Path.GetFileNameWithoutExtension(data)[(name.Length + 1)..];
                    pairs.Add(new TemplatePair($"card {name} with {variant} data", File.ReadAllText(template), File.ReadAllText(data)));
                }
            }
        }

        return pairs;
    }
}
