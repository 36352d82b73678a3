using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Journeys.Tests.Support;

/// <summary>
/// A council that brings its own people and data (samples/rivermouth), from an empty PostgreSQL
/// database: nothing prepares it but the README's import commands (run as a council runs them, the
/// built bot's <c>import</c> verb as a child process) and the bot's own start, with the demo council
/// off and the demo clock on <see cref="ClockDay"/>. Its people come to Teams with Entra object ids
/// PmfBot has never seen (fresh for every run), so the bot must link each of them on first contact
/// by asking Teams who they are. Four of them each have their own Teams (an Agents Playground):
/// Dan Whitley (indicator owner), Tom Ashby (Adult Social Care and Health's performance lead, who
/// signs off), Ruth Ellery (who answers its self assessment) and Sophie Hart (performance team, in
/// the Overview and Scrutiny Committee's channel, where Cllr Martin Doyle, its chair, and Pat Nobody,
/// whom the single data list does not name, speak too).
/// </summary>
public sealed class OwnCouncilWorld : IAsyncLifetime
{
    /// <summary>
    /// The values in samples/rivermouth/values.csv end with Q2 2025/26. On this day that is the quarter
    /// being reported, and the next milestone opens Q3 2025/26 (2 January 2026), whose values are
    /// compared with Q3 2024/25 from the file.
    /// </summary>
    public const string ClockDay = "2025-12-15";

    public const string EmailDomain = "rivermouth-council.example";

    /// <summary>The order samples/README.md and docs/import.md give: the single data list first.</summary>
    public static readonly IReadOnlyList<string> ImportFiles = ["data-list.csv", "values.csv", "actions.csv", "risks.csv"];

    private const string ImportedBy = "sophie.hart@" + EmailDomain;
    private readonly PostgresTestDatabase _database = new();
    private readonly List<string> _durations = [];
    private readonly List<ChildProcess> _imports = [];

    /// <summary>Who takes part, keyed by the name of their playground: name and email as in samples/rivermouth/data-list.csv.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string User)> People = new Dictionary<string, (string, string)>
    {
        ["owner"] = ("Dan Whitley", "dan.whitley"),
        ["performance-lead"] = ("Tom Ashby", "tom.ashby"),
        ["self-assessment"] = ("Ruth Ellery", "ruth.ellery"),
        ["performance"] = ("Sophie Hart", "sophie.hart"),
        ["scrutiny-chair"] = ("Cllr Martin Doyle", "martin.doyle"),
        ["stranger"] = ("Pat Nobody", "pat.nobody"), // in nobody's single data list
    };

    /// <summary>The Entra object id each person's Teams gives this run: fresh, so PmfBot cannot know it.</summary>
    public IReadOnlyDictionary<string, string> ObjectIds { get; } = People.Keys.ToDictionary(k => k, _ => Guid.NewGuid().ToString());

    public string ConnectionString => _database.ConnectionString;

    public BotProcess Bot { get; private set; } = null!;

    public Playground Owner { get; private set; } = null!;

    public Playground PerformanceLead { get; private set; } = null!;

    public Playground SelfAssessor { get; private set; } = null!;

    public Playground Performance { get; private set; } = null!;

    public Camera Camera { get; private set; } = null!;

    /// <summary>What each import printed, in order.</summary>
    public IReadOnlyList<string> ImportOutputs => _imports.Select(i => i.Output).ToList();

    public PmfDbContext Database() => _database.NewContext();

    public static string Email(string persona) => $"{People[persona].User}@{EmailDomain}";

    public static string TeamsId(string persona) => $"29:{People[persona].User}";

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await _database.CreateEmptyAsync();
        foreach (var file in ImportFiles)
        {
            await ImportAsync(file);
        }

        Record("Importing Rivermouth's four files into an empty PostgreSQL database (the README's commands)", clock.Elapsed);

        var started = Stopwatch.StartNew();
        Bot = await BotProcess.StartAsync(_database.ConnectionString, demoSeed: false, demoDay: ClockDay);
        var configs = WriteConfigs();
        var camera = Camera.StartAsync();
        var playgrounds = await Task.WhenAll(
            Playground.StartAsync("owner", Bot.MessagesEndpoint, configs["owner"]),
            Playground.StartAsync("performance-lead", Bot.MessagesEndpoint, configs["performance-lead"]),
            Playground.StartAsync("self-assessment", Bot.MessagesEndpoint, configs["self-assessment"]),
            Playground.StartAsync("performance", Bot.MessagesEndpoint, configs["performance"]));
        (Owner, PerformanceLead, SelfAssessor, Performance) = (playgrounds[0], playgrounds[1], playgrounds[2], playgrounds[3]);
        Camera = await camera;
        Record("Setting up: the bot on the imported council (demo off, demo clock on 15 Dec 2025), four playgrounds, browser", started.Elapsed);
    }

    /// <summary>Notes how long a journey took; written to artifacts/journeys/own-council-durations.txt at the end.</summary>
    public void Record(string journey, TimeSpan took)
    {
        lock (_durations)
        {
            _durations.Add($"{took.TotalSeconds,6:0.0} s  {journey}");
        }
    }

    public async Task DisposeAsync()
    {
        await File.WriteAllLinesAsync(Path.Combine(Repository.Artefacts, "own-council-durations.txt"), _durations);
        await File.WriteAllTextAsync(Path.Combine(Repository.Artefacts, "own-council-import.log"), string.Join("\n", ImportOutputs));
        if (Bot is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(Repository.Artefacts, "own-council-bot.log"), Bot.Log);
        }

        foreach (var person in new[] { Owner, PerformanceLead, SelfAssessor, Performance }.Where(p => p is not null))
        {
            await File.WriteAllTextAsync(Path.Combine(Repository.Artefacts, $"own-council-playground-{person.Persona}.log"), person.Log);
            await person.DisposeAsync();
        }

        if (Camera is not null)
        {
            await Camera.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        foreach (var import in _imports)
        {
            await import.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    /// <summary>
    /// <c>dotnet PmfBot.Bot.dll import samples/rivermouth/&lt;file&gt; --by ...</c>, typed at the repository
    /// root as samples/README.md says, on this world's database.
    /// </summary>
    private async Task ImportAsync(string file)
    {
        var import = ChildProcess.Start(
            $"import {file}",
            "dotnet",
            [Repository.BotAssembly, "import", Path.Combine("samples", "rivermouth", file), "--by", ImportedBy, $"--ConnectionStrings:Pmf={_database.ConnectionString}"],
            new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1" });
        _imports.Add(import);
        var exitCode = await import.ExitCodeAsync(TimeSpan.FromSeconds(120));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"import {file} exited with {exitCode}:\n{import.Output}");
        }
    }

    /// <summary>
    /// One Agents Playground config per person with a Teams here, made as playground/make-configs.mjs
    /// makes the demo's, but with Rivermouth's people: their emails from the single data list and
    /// this run's fresh object ids. Written to artifacts/journeys/own-council/ (JSON is valid YAML).
    /// </summary>
    private Dictionary<string, string> WriteConfigs()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Repository.Artefacts, "own-council")).FullName;
        var tenantId = Guid.NewGuid().ToString();
        var team = new JsonObject { ["id"] = "19:rivermouth-team@thread.tacv2", ["name"] = "Rivermouth Council", ["aadGroupId"] = Guid.NewGuid().ToString() };
        var channels = new Dictionary<string, JsonObject>
        {
            ["performance"] = new() { ["id"] = "19:rivermouth-osc@thread.tacv2", ["name"] = "Rivermouth Overview and Scrutiny Committee" },
        };
        var configs = new Dictionary<string, string>();
        foreach (var persona in new[] { "owner", "performance-lead", "self-assessment", "performance" })
        {
            var channel = channels.GetValueOrDefault(persona) ?? new JsonObject { ["id"] = "19:rivermouth-hcp@thread.tacv2", ["name"] = "Rivermouth Health and Care Partnership" };
            var config = new JsonObject
            {
                ["version"] = "0.1.1",
                ["tenantId"] = tenantId,
                ["bot"] = new JsonObject { ["id"] = "28:pmfbot-local", ["name"] = "PmfBot" },
                ["currentUser"] = User(persona),
                ["users"] = new JsonArray(People.Keys.Where(k => k != persona).Select(k => (JsonNode)User(k)).ToArray()),
                ["personalChat"] = new JsonObject { ["id"] = $"a:pmfbot-rivermouth-{persona}" },
                ["groupChat"] = new JsonObject { ["id"] = "19:rivermouth-performance@thread.v2", ["name"] = "Quarterly performance" },
                ["team"] = new JsonObject { ["id"] = team["id"]!.DeepClone(), ["name"] = team["name"]!.DeepClone(), ["aadGroupId"] = team["aadGroupId"]!.DeepClone(), ["channels"] = new JsonArray(channel.DeepClone()) },
            };
            var path = Path.Combine(folder, $"{persona}.yml");
            File.WriteAllText(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            configs[persona] = path;
        }

        return configs;
    }

    private JsonObject User(string persona)
    {
        var (name, user) = People[persona];
        var words = name.Replace("Cllr ", "", StringComparison.Ordinal).Split(' ');
        var email = $"{user}@{EmailDomain}";
        return new JsonObject
        {
            ["id"] = $"29:{user}",
            ["name"] = name,
            ["userPrincipleName"] = email, // sic: the playground's spelling
            ["aadObjectId"] = ObjectIds[persona],
            ["givenName"] = words[0],
            ["surname"] = string.Join(' ', words.Skip(1)),
            ["email"] = email,
        };
    }
}

[CollectionDefinition(Name)]
public sealed class OwnCouncilWorldCollection : ICollectionFixture<OwnCouncilWorld>
{
    public const string Name = "A council's own people and data";
}
