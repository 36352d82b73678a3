using System.Text.Json.Nodes;
using PmfBot.Bot.Cards.Templating;

namespace PmfBot.Bot.Tests.Cards.Templating;

/// <summary>
/// The C# expansion against Microsoft's adaptivecards-templating 2.3.1 (through node) on every fixture and
/// every card template with its sample and large data: same JSON, same unresolved fields, same failures.
/// </summary>
public sealed class DifferentialTests
{
    public static TheoryData<string> PairNames => [.. DifferentialPairs.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(PairNames))]
    public void The_expansion_equals_the_official_librarys(string pairName)
    {
        var pair = DifferentialPairs.Named(pairName);
        var official = OfficialTemplating.For(pairName);

        TemplateExpansion? ours = null;
        TemplateException? failure = null;
        try
        {
            ours = CardTemplate.Parse(pair.TemplateJson, pairName).ExpandWithDiagnostics(JsonNode.Parse(pair.DataJson));
        }
        catch (TemplateException e)
        {
            failure = e;
        }

        if (official.Failed)
        {
            Assert.True(failure is not null, $"The official library fails ({official.Error}); ours gave {ours?.Card?.ToJsonString()}");
            return;
        }

        Assert.True(failure is null, $"Ours fails ({failure?.Message}); the official library gave {official.Card?.ToJsonString()}");
        var difference = JsonEquivalence.Difference(official.Card, ours!.Card);
        Assert.True(difference is null, $"{difference}\nofficial: {official.Card?.ToJsonString()}\nours:     {ours.Card?.ToJsonString()}");
        Assert.Equal(official.Unresolved, ours.Unresolved.Select(u => u.Path));
    }

    [Fact]
    public void Pairs_are_compared_at_all()
    {
        Assert.NotEmpty(DifferentialPairs.All);
        Assert.True(
            DifferentialPairs.All.Count(p => p.Name.StartsWith("fixture ", StringComparison.Ordinal)) >= 25,
            "The fixtures folder should hold at least 25 template and data pairs.");
    }
}
