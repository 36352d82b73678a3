using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PmfBot.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace PmfBot.Reliability.Tests.Fuzzing;

/// <summary>
/// Sends hostile cases to a running bot one at a time and checks, for each: never a 5xx; an error
/// body is one clear sentence and an invoke answer a well-formed Universal Action body, with no
/// stack trace or exception type anywhere; nothing logged at Error or Critical; /healthz still
/// answers; and nothing half-written: the audited entities that changed are exactly those the new
/// audit lines name, and a refused request changed nothing at all.
/// </summary>
public sealed partial class FuzzRun(BotUnderTest bot, HostileActivities cases, Func<HostileCase, string?>? bearerToken = null)
{
    private static readonly HashSet<string> UniversalTypes =
        ["application/vnd.microsoft.card.adaptive", "application/vnd.microsoft.activity.message", "application/vnd.microsoft.error"];

    public const string SeedVariable = "PMF_FUZZ_SEED";
    public const string CaseVariable = "PMF_FUZZ_CASE";

    /// <summary>The fixed seed, or the one to replay (<c>PMF_FUZZ_SEED</c>).</summary>
    public static int Seed(int fixedSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var seed) ? seed : fixedSeed;

    /// <summary>All cases, or the ones to replay: <c>PMF_FUZZ_CASE=417</c>, or a range <c>PMF_FUZZ_CASE=400-417</c>.</summary>
    public static IEnumerable<int> Indexes(int count)
    {
        var replay = Environment.GetEnvironmentVariable(CaseVariable)?.Split('-', 2);
        return replay switch
        {
            [var one] when int.TryParse(one, out var only) => [only],
            [var from, var to] when int.TryParse(from, out var first) && int.TryParse(to, out var last) => Enumerable.Range(first, last - first + 1),
            _ => Enumerable.Range(0, count),
        };
    }

    /// <summary>Far beyond any answer the bot should take: a case still running then has hung the bot.</summary>
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    public List<string> Failures { get; } = [];

    public Dictionary<Hostility, Dictionary<string, int>> Outcomes { get; } = [];

    public int Changed { get; private set; }

    public TimeSpan Took { get; private set; }

    public async Task RunAsync(IEnumerable<int> indexes, int seed)
    {
        var watch = Stopwatch.StartNew();
        using var health = bot.CreateClient();
        foreach (var index in indexes)
        {
            var hostile = cases.Case(index);
            List<string> problems;
            try
            {
                problems = await CheckAsync(hostile, health).WaitAsync(CaseTimeout);
            }
            catch (TimeoutException)
            {
                // The bot is in an unknown state: the cases after this one would prove nothing.
                Failures.Add($"{hostile}: no answer within {CaseTimeout.TotalSeconds} s; the bot's last log lines: {string.Join(" / ", bot.Logs.Lines.TakeLast(5))}. Replay: {SeedVariable}={seed} {CaseVariable}={index}");
                break;
            }

            if (problems.Count > 0)
            {
                Failures.Add($"{hostile}: {string.Join("; ", problems)}. Replay: {SeedVariable}={seed} {CaseVariable}={index}");
            }
        }

        Took = watch.Elapsed;
    }

    public void Report(ITestOutputHelper output, string title)
    {
        var total = Outcomes.Values.Sum(o => o.Values.Sum());
        output.WriteLine($"{title}: {total} cases in {Took.TotalSeconds:0.0} s ({Took.TotalMilliseconds / Math.Max(1, total):0} ms a case); {Changed} changed audited data (with their audit lines); {Failures.Count} failed");
        foreach (var (hostility, outcomes) in Outcomes.OrderBy(o => o.Key))
        {
            output.WriteLine($"  {hostility,-16} {outcomes.Values.Sum(),4}: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} ×{o.Value}"))}");
        }

        foreach (var failure in Failures.Take(30))
            output.WriteLine("FAILED " + failure);
    }

    private async Task<List<string>> CheckAsync(HostileCase hostile, HttpClient health)
    {
        var problems = new List<string>();
        AuditedData before;
        await using (var db = bot.NewContext())
            before = await AuditedData.ReadAsync(db);
        var logMark = bot.Logs.Lines.Count;

        var response = await bot.PostAsync(hostile.Body, bearerToken?.Invoke(hostile));
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var outcome = status.ToString(System.Globalization.CultureInfo.InvariantCulture);

        if (status >= 500 && !(status == 501 && text.Length == 0 && IsInvokeNobodyServes(hostile.Body)))
            problems.Add($"HTTP {status}");
        if (LeaksInternals(text) is { } leak)
            problems.Add($"the answer shows {leak}: {Shorten(text)}");

        if (status is >= 400 and < 500)
        {
            if (!IsShortError(text))
                problems.Add($"a {status} without a one-sentence error: {Shorten(text)}");
        }
        else if (text.Length > 0)
        {
            var (invokeStatus, problem) = InvokeAnswer(text);
            if (problem is not null)
                problems.Add(problem);
            outcome += invokeStatus is null ? "" : $"/{invokeStatus}";
        }

        var logged = bot.Logs.Lines.Skip(logMark).Where(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
        if (logged.Count > 0)
            problems.Add($"logged {logged.Count} error(s), first: {Shorten(logged[0], 400)}");

        using var healthz = await health.GetAsync("/healthz");
        if (healthz.StatusCode != HttpStatusCode.OK)
            problems.Add($"/healthz answered {(int)healthz.StatusCode} afterwards");

        await using (var db = bot.NewContext())
        {
            var after = await AuditedData.ReadAsync(db);
            var changed = before.ChangedIn(after);
            var audited = await before.AuditedSinceAsync(db);
            if (!changed.SetEquals(audited))
                problems.Add($"changed {changed.Count} audited entities but wrote audit lines for {audited.Count} (partial write)");
            if (changed.Count > 0 && (status >= 400 || outcome.EndsWith("/400", StringComparison.Ordinal) || outcome.EndsWith("/500", StringComparison.Ordinal)))
                problems.Add($"refused with {outcome} yet changed {changed.Count} entities");
            if (changed.Count > 0)
            {
                Changed++;
                outcome += " (saved)";
            }
        }

        var counts = Outcomes.TryGetValue(hostile.Hostility, out var c) ? c : Outcomes[hostile.Hostility] = [];
        counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        return problems;
    }

    /// <summary>An invoke answer: a message extension's (<c>composeExtension</c>) or a Universal Action's.</summary>
    private static (string? InvokeStatus, string? Problem) InvokeAnswer(string text)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return (null, $"an answer that is not JSON: {Shorten(text)}");
        }

        return body?["composeExtension"] is JsonObject extension ? MessageExtension(extension, text) : UniversalAction(body, text);
    }

    /// <summary>A search or unfurl answer: a result (a list of attachments) or a message with text.</summary>
    private static (string? InvokeStatus, string? Problem) MessageExtension(JsonObject extension, string text)
    {
        var type = extension["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var problem = type switch
        {
            "result" when extension["attachments"] is not JsonArray => "a message-extension result without attachments",
            "message" when extension["text"] is not JsonValue m || string.IsNullOrWhiteSpace(m.GetValue<string>()) => "a message-extension message without text",
            "result" or "message" => null,
            _ => $"a message-extension answer of unknown type {type}: {Shorten(text)}",
        };
        return ($"extension {type}", problem);
    }

    /// <summary>A Universal Action answer: statusCode, one of the three types, and a card, text or error message as value.</summary>
    private static (string? InvokeStatus, string? Problem) UniversalAction(JsonObject? body, string text)
    {
        if (body?["statusCode"] is not JsonValue code || !code.TryGetValue<int>(out var statusCode))
            return (null, $"an invoke answer without statusCode: {Shorten(text)}");
        var type = body["type"]?.GetValue<string>();
        if (type is null || !UniversalTypes.Contains(type))
            return ($"{statusCode}", $"an invoke answer of unknown type {type}");
        var value = body["value"];
        var problem = type switch
        {
            "application/vnd.microsoft.card.adaptive" when value?["type"]?.GetValue<string>() != "AdaptiveCard" => "a card answer without a card",
            "application/vnd.microsoft.activity.message" when value is not JsonValue v || !v.TryGetValue<string>(out _) => "a message answer without text",
            "application/vnd.microsoft.error" when value?["message"] is not JsonValue m || string.IsNullOrWhiteSpace(m.GetValue<string>()) => "an error answer without a message",
            _ => null,
        };
        var kind = type switch
        {
            "application/vnd.microsoft.card.adaptive" => "card",
            "application/vnd.microsoft.activity.message" => "message",
            _ => "error",
        };
        return ($"{statusCode} {kind}", problem);
    }

    /// <summary>
    /// The one 5xx allowed: 501 with no body for an invoke whose name PmfBot has no handler for
    /// (task/fetch, composeExtension/query, ...), as the Bot Framework answers it (docs/teams-protocol.md).
    /// </summary>
    private static bool IsInvokeNobodyServes(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject activity
                && activity["type"] is JsonValue type && string.Equals(type.ToString(), "invoke", StringComparison.OrdinalIgnoreCase)
                && !(activity["name"] is JsonValue name && string.Equals(name.ToString(), "adaptiveCard/action", StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsShortError(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject o && o["error"] is JsonValue e && e.GetValue<string>() is { Length: > 0 and < 200 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? LeaksInternals(string text)
    {
        var match = Internals().Match(text);
        return match.Success ? $"'{match.Value}'" : null;
    }

    [GeneratedRegex(@"\b\w*Exception\b|\bat [\w.]+\(|System\.[A-Z]\w+|Microsoft\.(EntityFrameworkCore|AspNetCore|Data)|Npgsql|SQLite Error|\.cs:line \d+|PmfBot\.(Bot|Domain|Scheduler)\.")]
    private static partial Regex Internals();

    private static string Shorten(string text, int max = 200) => text.Length > max ? text[..max] + "…" : text;
}
