using System.Text.Json.Nodes;
using PmfBot.Bot.Cards.Templating;

namespace PmfBot.Bot.Tests.Cards.Templating;

public sealed class CardTemplateTests
{
    private sealed record Indicator(string Code, double LastValue, bool IsLate);

    private sealed record ReturnData(string OwnerName, IReadOnlyList<Indicator> Indicators);

    [Fact]
    public void Expanding_an_object_binds_its_camel_case_properties_and_gives_json_text()
    {
        var template = CardTemplate.Parse("""{"title":"${ownerName}","rows":[{"$data":"${indicators}","text":"${code}: ${lastValue}","late":"${isLate}"}]}""");

        var json = template.Expand(new ReturnData("Ann <Smith>", [new("ASC1", 12.5, true), new("HOU4", 3, false)]));

        Assert.Equal("""{"title":"Ann <Smith>","rows":[{"text":"ASC1: 12.5","late":true},{"text":"HOU4: 3","late":false}]}""", json);
    }

    [Fact]
    public void A_template_is_parsed_once_and_expanded_many_times_with_different_data()
    {
        var template = CardTemplate.Parse("""{"t":"${n}"}""");

        Assert.Equal("1", template.Expand(JsonNode.Parse("""{"n":1}"""))!["t"]!.ToJsonString());
        Assert.Equal("2", template.Expand(JsonNode.Parse("""{"n":2}"""))!["t"]!.ToJsonString());
    }

    [Fact]
    public void Expansion_never_changes_the_data_and_never_shares_nodes_with_it()
    {
        var data = JsonNode.Parse("""{"o":{"a":[1,2]}}""")!;
        var template = CardTemplate.Parse("""{"x":"${o}","y":["${o.a}"]}""");

        var card = template.Expand(data)!;
        card["x"]!["a"]!.AsArray().Add(3);

        Assert.Equal("""{"o":{"a":[1,2]}}""", data.ToJsonString());
    }

    [Fact]
    public void One_template_expands_concurrently_on_many_threads()
    {
        var template = CardTemplate.Parse("""{"body":[{"$data":"${items}","$when":"${v % 2 == 0}","t":"${$index}:${v}"}],"lit":{"$data":[{"k":1},{"k":2}],"k":"${k}"}}""".Replace(" % 2 == 0", " >= 0", StringComparison.Ordinal));

        var results = Enumerable.Range(0, 200).AsParallel().Select(i =>
        {
            var data = JsonNode.Parse($$"""{"items":[{"v":{{i}}},{"v":{{i + 1}}}]}""");
            return (i, Expanding.Show(template.Expand(data)));
        }).ToList();

        Assert.All(results, r => Assert.Equal($$"""{"body":[{"t":"0:{{r.i}}"},{"t":"1:{{r.i + 1}}"}],"lit":[{"k":1},{"k":2}]}""", r.Item2));
    }

    [Fact]
    public void A_template_file_takes_its_name_from_the_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"status-card-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"t":"${x}"}""");
        try
        {
            Assert.Equal(Path.GetFileNameWithoutExtension(file), CardTemplate.Load(file).Name);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_json_value_wrapping_a_clr_value_is_read_as_its_json()
    {
        var data = new JsonObject { ["due"] = JsonValue.Create(new DateOnly(2026, 7, 31)), ["n"] = JsonValue.Create(2.5m) };

        Assert.Equal("""{"t":"Due 2026-07-31 (2.5)"}""", Expanding.Show(CardTemplate.Parse("""{"t":"Due ${due} (${n})"}""").Expand(data)));
    }
}
