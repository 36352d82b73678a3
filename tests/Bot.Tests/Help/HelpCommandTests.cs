using PmfBot.Bot.Conversation;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.Help;

public sealed class HelpCommandTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    [Fact]
    public async Task Help_lists_every_command_of_the_command_table_and_the_persons_roles()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.Owner, "help"));

        var text = ConversationBot.TextOf(card);
        Assert.All(RegisteredCommands.Routes.All.Where(r => !r.LocalDemoOnly), route => Assert.Contains(route.Usage, text));
        Assert.Contains("Hello Kate Hughes", text);
        Assert.Contains("you answer for", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_input_gets_help_with_a_did_you_mean_not_silence()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.ScrutinyMember, "hlep please"));

        Assert.Contains("Did you mean \"help please\"?", ConversationBot.TextOf(card));
    }

    [Fact]
    public async Task Someone_PmfBot_does_not_know_is_told_whom_to_ask()
    {
        var stranger = DemoCouncil.People.Owner with { EntraObjectId = Guid.NewGuid().ToString(), Name = "A Stranger" };

        var card = Assert.Single(await Bot.SayAsync(stranger, "help"));

        Assert.Contains("ask the performance team to add you", ConversationBot.TextOf(card));
    }

    [Fact]
    public async Task An_unknown_button_is_refused_with_a_message_not_an_error_page()
    {
        var response = await Bot.ClickAsync(DemoCouncil.People.Owner, "nonsense.verb", []);

        Assert.Equal(400, response["statusCode"]!.GetValue<int>());
        Assert.Contains("does not know that button", response["value"]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("help", "help", "")]
    [InlineData("HELP me", "help", "me")]
    [InlineData("  help  ", "help", "")]
    [InlineData("helpful", null, "helpful")]
    public void Commands_match_their_words_case_insensitively_and_keep_the_rest(string text, string? words, string argument)
    {
        var (route, rest) = RegisteredCommands.Routes.Match(text);

        Assert.Equal(words, route?.Words);
        Assert.Equal(argument, rest);
    }
}
