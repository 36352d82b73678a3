using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Tests.Cards.Templating;
using PmfBot.Bot.Tests.Conversation.Support;

namespace PmfBot.Bot.Tests.Conversation;

/// <summary>
/// The command and card-button tables are built from what each feature folder registers: nothing
/// a person can type or press may be left without a handler.
/// </summary>
public sealed partial class FeatureRegistrationTests
{
    [Fact]
    public void Every_command_people_could_type_before_features_registered_themselves_is_still_there()
    {
        string[] commands = ["help", "my returns", "my actions", "status", "trend", "exceptions", "scorecard", "compliance", "demo", "link board", "cycle"];

        Assert.Equal(commands.Order(), RegisteredCommands.Routes.All.Select(r => r.Words).Order());
    }

    [Fact]
    public void Help_lists_a_persons_own_commands_before_the_look_ups_and_the_performance_teams_last()
    {
        var words = RegisteredCommands.Routes.All.Select(r => r.Words).ToList();

        Assert.Equal(["help", "my actions", "my returns", "compliance", "exceptions", "scorecard", "status", "trend", "cycle", "link board", "demo"], words);
    }

    [Fact]
    public void Every_button_in_the_card_templates_has_a_registered_handler()
    {
        var verbs = Registered<CardVerb>().Select(v => v.Verb).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pressed = Directory.GetFiles(TemplatingRepository.Cards, "*.json")
            .SelectMany(file => VerbInTemplate().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Verb: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(pressed);
        Assert.All(pressed, p => Assert.True(verbs.Contains(p.Verb), $"{p.File} has a button with verb {p.Verb}, which no feature registers."));
    }

    [Fact]
    public void Every_paged_card_kind_has_one_builder()
    {
        var kinds = Registered<PagedCard>().Select(c => c.Kind).ToList();

        Assert.Equal(kinds.Count, kinds.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("status-card", kinds);
        Assert.Contains("sign-off-card", kinds);
    }

    [Fact]
    public void Two_features_registering_the_same_verb_are_refused_with_both_handlers_named()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new CardVerbs(
        [
            new CardVerb("status.show", typeof(PmfBot.Bot.Status.StatusCard)),
            new CardVerb("Status.Show", typeof(PmfBot.Bot.Exceptions.ExceptionsCard)),
        ]));

        Assert.Contains("StatusCard", refused.Message);
        Assert.Contains("ExceptionsCard", refused.Message);
    }

    private static List<T> Registered<T>()
    {
        var services = new ServiceCollection();
        foreach (var feature in ConversationSetup.Features())
        {
            feature.Add(services);
        }

        return services.Where(d => d.ServiceType == typeof(T)).Select(d => (T)d.ImplementationInstance!).ToList();
    }

    [GeneratedRegex("\"verb\":\\s*\"([^\"$]+)\"")]
    private static partial Regex VerbInTemplate();
}
