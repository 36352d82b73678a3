using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PmfBot.Bot.Status;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Tests.Conversation;

/// <summary>
/// Whatever goes wrong, the person who asked is answered: a broken rule with its own words, anything
/// else with what PmfBot knows about what was saved and a reference the error's log line carries.
/// The status card stands in for any command and button: the test host builds it with <see cref="_fault"/>.
/// </summary>
public sealed partial class FailureAnswerTests : IAsyncLifetime
{
    private readonly ConversationBot _bot;

    /// <summary>What building the status card does in this test, in the turn's own services.</summary>
    private Func<IServiceProvider, object> _fault = _ => throw new InvalidOperationException("Test fault: the status card cannot be built");

    public FailureAnswerTests()
    {
        _bot = new ConversationBot(alsoServices: s => s.Replace(ServiceDescriptor.Scoped(typeof(StatusCard), sp => _fault(sp))));
    }

    public Task InitializeAsync()
    {
        _ = _bot.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_chat_command_that_fails_is_answered_with_a_reference_that_its_log_line_carries()
    {
        var card = Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status hw1"));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("nothing was saved", text);
        var reference = ReferenceIn(text);
        var logged = Assert.Single(_bot.Logs.Entries, e => e.Level == LogLevel.Error && Equals(e.Properties.GetValueOrDefault("FailureReference"), reference));
        Assert.Equal("status", logged.Properties["TurnName"]);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.DoesNotContain("Test fault", text);
    }

    [Fact]
    public async Task A_card_action_that_fails_is_answered_the_same_way()
    {
        var response = await _bot.ClickAsync(DemoCouncil.People.ScrutinyMember, "status.show", new JsonObject { ["priorityId"] = Guid.NewGuid().ToString() });

        var text = ConversationBot.TextOf(ConversationBot.CardOf(response));
        Assert.Contains("nothing was saved", text);
        var reference = ReferenceIn(text);
        var logged = Assert.Single(_bot.Logs.Entries, e => e.Level == LogLevel.Error && Equals(e.Properties.GetValueOrDefault("FailureReference"), reference));
        Assert.Equal("status.show", logged.Properties["TurnName"]);
    }

    [Fact]
    public async Task A_broken_rule_in_a_chat_command_is_answered_with_its_own_message_and_no_reference()
    {
        _fault = _ => throw new PmfRuleException("That priority is being reorganised: ask again tomorrow.");

        var card = Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status hw1"));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("That priority is being reorganised: ask again tomorrow.", text);
        Assert.DoesNotContain("reference", text);
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_broken_rule_in_a_card_action_is_answered_with_its_own_message()
    {
        _fault = _ => throw new PmfRuleException("That priority is being reorganised: ask again tomorrow.");

        var response = await _bot.ClickAsync(DemoCouncil.People.ScrutinyMember, "status.show", new JsonObject { ["priorityId"] = Guid.NewGuid().ToString() });

        Assert.Contains("That priority is being reorganised: ask again tomorrow.", ConversationBot.TextOf(ConversationBot.CardOf(response)));
    }

    [Fact]
    public async Task A_failure_after_something_was_saved_does_not_say_nothing_was_saved()
    {
        _fault = sp =>
        {
            var db = sp.GetRequiredService<PmfDbContext>();
            db.People.First(p => p.Email == DemoCouncil.People.ScrutinyMember.Email).Rename("Cllr Renamed Before The Fault");
            db.SaveChanges();
            throw new InvalidOperationException("Test fault after a save");
        };

        var text = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status hw1")));

        Assert.DoesNotContain("nothing was saved", text);
        Assert.Contains("Part of it was saved", text);
        Assert.Single(_bot.Logs.Entries, e => Equals(e.Properties.GetValueOrDefault("FailureReference"), ReferenceIn(text)));
    }

    [Fact]
    public async Task A_save_that_lost_its_connection_keeps_the_card_and_says_it_cannot_tell()
    {
        // What a use case's save (SaveOrExplainAsync) throws when the database stays locked: the commit's outcome is unknown.
        _fault = _ => throw new SaveNotConfirmedException(
            "the test change", new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("database is locked", 5)));

        var response = await _bot.ClickAsync(DemoCouncil.People.ScrutinyMember, "status.show", new JsonObject { ["priorityId"] = Guid.NewGuid().ToString() });

        // A message, not a card: the card acted on stays as it is, with what was typed.
        Assert.Equal("application/vnd.microsoft.activity.message", response["type"]!.GetValue<string>());
        var text = response["value"]!.GetValue<string>();
        Assert.Contains("cannot tell whether", text);
        Assert.DoesNotContain("nothing was saved", text);
        Assert.Single(_bot.Logs.Entries, e => Equals(e.Properties.GetValueOrDefault("FailureReference"), ReferenceIn(text)));
    }

    private static string ReferenceIn(string text)
    {
        var match = Reference().Match(text);
        Assert.True(match.Success, $"No reference in: {text}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"reference ([0-9A-F]{8})\b")]
    private static partial Regex Reference();
}
