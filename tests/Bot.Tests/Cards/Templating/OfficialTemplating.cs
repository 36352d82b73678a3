using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace PmfBot.Bot.Tests.Cards.Templating;

/// <summary>What Microsoft's adaptivecards-templating made of one pair: the card and the fields it left as "${path}", or its error.</summary>
internal sealed record OfficialExpansion(bool Failed, JsonNode? Card, IReadOnlyList<string> Unresolved, string? Error);

/// <summary>
/// Runs tests/js/expand-template.mjs once for every pair (node starts slowly), the first time a test asks.
/// </summary>
internal static class OfficialTemplating
{
    private static readonly Lazy<IReadOnlyDictionary<string, OfficialExpansion>> LazyResults = new(Run);

    public static OfficialExpansion For(string pairName) => LazyResults.Value[pairName];

    private static IReadOnlyDictionary<string, OfficialExpansion> Run()
    {
        var judges = TemplatingRepository.JsJudges;
        if (!Directory.Exists(Path.Combine(judges, "node_modules", "adaptivecards-templating")))
        {
            throw new InvalidOperationException(
                "tests/js/node_modules is missing, so the official templating library cannot judge the C# expansion. " +
                "Run scripts/test.sh (it runs `npm ci` in tests/js), or `npm ci` in tests/js yourself.");
        }

        var batch = new JsonObject
        {
            ["pairs"] = new JsonArray(DifferentialPairs.All.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["template"] = JsonNode.Parse(p.TemplateJson),
                ["data"] = JsonNode.Parse(p.DataJson),
            }).ToArray()),
        };

        var start = new ProcessStartInfo("node", ["expand-template.mjs"])
        {
            WorkingDirectory = judges,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };

        // The library formats with the machine's locale; the bot's is en-GB.
        start.Environment["LC_ALL"] = "en_GB.UTF-8";
        start.Environment["LANG"] = "en_GB.UTF-8";

        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(batch.ToJsonString());
        node.StandardInput.Close();
        if (!node.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException("expand-template.mjs did not finish within two minutes.");
        }

        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"expand-template.mjs failed ({node.ExitCode}): {stderr.Result}");
        }

        var output = JsonNode.Parse(stdout.Result)!.AsObject();
        var locale = (string?)output["locale"];
        if (locale is null || !locale.StartsWith("en", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"node ran in the locale '{locale}', not an English one: the number formats would differ.");
        }

        return output["results"]!.AsArray().ToDictionary(
            r => (string)r!["name"]!,
            r => r!["error"] is { } error
                ? new OfficialExpansion(true, null, [], (string?)error)
                : new OfficialExpansion(false, r["output"]?.DeepClone(), r["unresolved"]!.AsArray().Select(u => (string)u!).ToList(), null));
    }
}
