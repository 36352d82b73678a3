using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using PmfBot.Bot.Tests.Cards.Templating;

namespace PmfBot.Bot.Tests.Conversation.Charts;

/// <summary>
/// Runs tests/js/judge-rendered.mjs on cards the bot rendered: Microsoft's renderer at 1.5, Teams'
/// charts accepted only with a valid fallback, the size limit. Returns each card's problems.
/// </summary>
internal static class RenderedCardJudge
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Judge(IEnumerable<(string Label, string Template, JsonObject Card)> cards)
    {
        var list = cards.ToList();
        var input = new JsonObject
        {
            ["cards"] = new JsonArray(list.Select(c => (JsonNode)new JsonObject { ["name"] = c.Template, ["card"] = c.Card.DeepClone() }).ToArray()),
        };
        var start = new ProcessStartInfo("node", ["judge-rendered.mjs"])
        {
            WorkingDirectory = TemplatingRepository.JsJudges,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(input.ToJsonString());
        node.StandardInput.Close();
        if (!node.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException("judge-rendered.mjs did not finish within three minutes.");
        }

        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"judge-rendered.mjs failed ({node.ExitCode}): {stderr.Result}");
        }

        var results = JsonNode.Parse(stdout.Result)!["results"]!.AsArray();
        return list.Zip(results).ToDictionary(
            p => p.First.Label,
            p => (IReadOnlyList<string>)p.Second!["problems"]!.AsArray().Select(x => x!.GetValue<string>()).ToList());
    }
}
