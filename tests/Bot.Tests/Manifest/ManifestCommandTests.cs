using System.Text.Json.Nodes;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Tests.Cards.Templating;
using PmfBot.Bot.Tests.Conversation.Support;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.Manifest;

/// <summary>
/// The commands the Teams app offers in its command menus (manifest/manifest.json) are words the bot
/// understands: Teams puts a command's title in the compose box, so each title must route to its own
/// command in <see cref="CommandTable"/>, never to help's "I did not understand".
/// </summary>
public sealed class ManifestCommandTests(ManifestCommandTests.DemoBot demo) : IClassFixture<ManifestCommandTests.DemoBot>
{
    /// <summary>Commands for the performance team alone stay out of everyone's menu.</summary>
    private static readonly string[] PerformanceTeamOnly = ["cycle", "link board"];

    public static TheoryData<string, string> MenuCommands()
    {
        var data = new TheoryData<string, string>();
        foreach (var (scope, title, _) in ReadMenus())
        {
            data.Add(scope, title);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MenuCommands))]
    public void A_menu_title_is_exactly_the_words_of_a_command(string scope, string title)
    {
        var (route, argument) = RegisteredCommands.Routes.Match(title);

        Assert.True(route is not null, $"'{title}' ({scope}) is not a command PmfBot knows; it would get help.");
        Assert.Equal(route.Words, title);
        Assert.Equal("", argument);
    }

    [Theory]
    [MemberData(nameof(MenuCommands))]
    public void A_menu_description_says_what_the_help_card_says_of_the_command(string scope, string title)
    {
        var description = ReadMenus().Single(c => c.Scope == scope && c.Title == title).Description;
        var route = RegisteredCommands.Routes.All.Single(r => r.Words == title);

        Assert.Contains(route.Description, description);
    }

    [Fact]
    public void Personal_chat_offers_every_command_but_the_performance_teams_own_and_the_local_demos()
    {
        var personal = ReadMenus().Where(c => c.Scope == "personal").Select(c => c.Title).Order();
        var expected = RegisteredCommands.Routes.All.Where(r => !r.LocalDemoOnly).Select(r => r.Words).Except(PerformanceTeamOnly).Order();

        Assert.Equal(expected, personal);
    }

    [Theory]
    [MemberData(nameof(MenuCommands))]
    public async Task Sending_a_menu_title_in_its_scope_gets_the_commands_answer_not_help(string scope, string title)
    {
        var conversationType = scope == "team" ? "channel" : scope;
        // The demo clock stands still, and the connector keeps Teams' per-conversation send limits
        // by it: without a minute passing, the eighth reply to one conversation would wait forever.
        demo.Bot.Clock.Advance(TimeSpan.FromMinutes(1));

        var card = Assert.Single(await demo.Bot.SayAsync(DemoCouncil.People.Owner, title, conversationType));

        var text = ConversationBot.TextOf(card);
        Assert.DoesNotContain("I did not understand", text);
        // The help card is the list of every command; any other answer is not.
        var isHelp = RegisteredCommands.Routes.All.Where(r => !r.LocalDemoOnly).All(r => text.Contains(r.Usage, StringComparison.Ordinal));
        Assert.Equal(title == "help", isHelp);
    }

    private static IReadOnlyList<(string Scope, string Title, string Description)> ReadMenus()
    {
        var path = Path.Combine(TemplatingRepository.Root, "manifest", "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        return manifest["bots"]!.AsArray()
            .SelectMany(bot => bot!["commandLists"]!.AsArray())
            .SelectMany(list => list!["scopes"]!.AsArray().Select(s => s!.GetValue<string>())
                .SelectMany(scope => list["commands"]!.AsArray().Select(c =>
                    (scope, c!["title"]!.GetValue<string>(), c["description"]!.GetValue<string>()))))
            .ToList();
    }

    /// <summary>One demo council bot for the whole class: starting one per case would be slow.</summary>
    public sealed class DemoBot : IAsyncLifetime
    {
        public ConversationBot Bot { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Bot.DisposeAsync();
    }
}
