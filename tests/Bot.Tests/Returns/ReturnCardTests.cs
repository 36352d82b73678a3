using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Returns;
using static PmfBot.Bot.Tests.Returns.ReturnsScenario;

namespace PmfBot.Bot.Tests.Returns;

public sealed class ReturnCardTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    private static readonly DemoPerson Owner = DemoCouncil.People.Owner;
    private ConversationBot _bot => Bot; // the name the tests below were written with

    [Fact]
    public async Task My_returns_shows_the_owners_due_returns_with_last_values_and_target_on_one_card()
    {
        var card = await _bot.MyReturnsAsync(Owner);

        var text = ConversationBot.TextOf(card);
        Assert.Contains("CPP-H4", text);
        Assert.Contains("Target 31,000 visits", text);
        Assert.Contains("Overdue since", text);
        Assert.Contains("CPP-H6", text); // already submitted, listed as done
        Assert.Single(ReturnIds(DataOf(card, "returns.submit")));
    }

    [Fact]
    public async Task A_value_imported_from_the_councils_file_is_history_not_one_of_the_owners_returns()
    {
        Assert.Contains("CPP-H6", ConversationBot.TextOf(await _bot.MyReturnsAsync(Owner)));

        // A council going live mid-quarter imports this quarter's value for CPP-H6, which Kate had submitted.
        await using (var db = _bot.NewContext())
        {
            var h6 = await db.Returns.Include(r => r.Indicator)
                .SingleAsync(r => r.Indicator.Code == "CPP-H6" && r.Period == PmfBot.Domain.Calendar.Period.Quarter(2025, 2));
            h6.Import(new ReturnEntry(41_000m, null, null, null, "Visits from the leisure trust's own count.", null, null), overwriteSubmitted: true, PmfBot.Domain.Audit.Actor.System, _bot.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var text = ConversationBot.TextOf(await _bot.MyReturnsAsync(Owner));

        Assert.Contains("CPP-H4", text);
        Assert.DoesNotContain("CPP-H6", text);
        Assert.DoesNotContain("submitted by someone", text);
    }

    [Fact]
    public async Task Check_shows_the_RAG_and_plain_English_warnings_without_saving()
    {
        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.check");
        var id = ReturnIds(data)[0];
        var before = await _bot.SavedAsync(id);

        var card = await _bot.CardAfterAsync(Owner, "returns.check", data.Answer(id, "25,000", "KPI up."));

        var text = ConversationBot.TextOf(card);
        Assert.Equal("Red", CardElements.RunAfter(CardElements.ContainerOf(card, $"{id}.value"), "Computed RAG: "));
        Assert.Contains("'KPI' is an abbreviation", text);
        Assert.Contains("Checked", text);
        Assert.Equal(before, await _bot.SavedAsync(id));
    }

    [Fact]
    public async Task Submit_saves_the_returns_and_answers_the_submitted_card()
    {
        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.submit");
        var id = ReturnIds(data)[0];

        var card = await _bot.CardAfterAsync(Owner, "returns.submit", data.Answer(id));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("submitted", text);
        Assert.Contains("Submitted by Kate Hughes", text);
        Assert.Contains("31,500 visits", text);
        Assert.Equal(ReturnState.Submitted, (await _bot.SavedAsync(id)).State);
    }

    [Fact]
    public async Task The_same_submit_twice_saves_one_version()
    {
        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.submit");
        var id = ReturnIds(data)[0];
        data.Answer(id);

        await _bot.CardAfterAsync(Owner, "returns.submit", data.DeepClone().AsObject());
        var once = await _bot.SavedAsync(id);
        var again = await _bot.CardAfterAsync(Owner, "returns.submit", data.DeepClone().AsObject());

        Assert.Equal(once, await _bot.SavedAsync(id));
        Assert.DoesNotContain("out of date", ConversationBot.TextOf(again));
    }

    [Theory]
    [InlineData("value", "abc", "value", "is not a number")]
    [InlineData("value", "NaN", "value", "is not a number")]
    [InlineData("value", "Infinity", "value", "is not a number")]
    [InlineData("commentary", "Up this quarter <script>alert(1)</script>", "commentary", "plain text")]
    [InlineData("commentary", "", "commentary", "Add a short commentary")]
    [InlineData("overrideRag", "Red", "overrideReason", "Say why you are overriding")]
    public async Task Bad_input_is_shown_next_to_its_field_and_nothing_is_saved(string field, string typed, string errorField, string message)
    {
        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.submit");
        var id = ReturnIds(data)[0];
        var before = await _bot.SavedAsync(id);

        var card = await _bot.CardAfterAsync(Owner, "returns.submit", data.Answer(id).Type(id, (field, typed)));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Nothing was saved", text);
        Assert.Contains(message, text);
        Assert.Equal(before, await _bot.SavedAsync(id));
        Assert.Contains(errorField, new[] { "value", "commentary", "overrideReason" });
        if (field == "value")
        {
            Assert.Contains(typed, InputValue(card, $"{id}.value"));
        }
    }

    [Fact]
    public async Task Too_long_commentary_is_refused_next_to_the_field()
    {
        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.submit");
        var id = ReturnIds(data)[0];
        var before = await _bot.SavedAsync(id);

        var card = await _bot.CardAfterAsync(Owner, "returns.submit", data.Answer(id, commentary: new string('a', 2001)));

        Assert.Contains("the most is 2000", ConversationBot.TextOf(card));
        Assert.Equal(before, await _bot.SavedAsync(id));
    }

    [Fact]
    public async Task Data_not_available_with_a_reason_is_accepted()
    {
        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.submit");
        var id = ReturnIds(data)[0];

        var card = await _bot.CardAfterAsync(
            Owner, "returns.submit",
            data.Answer(id, value: "").Type(id, ("notAvailable", "true"), ("notAvailableReason", "The counting system was replaced in September.")));

        Assert.Contains("Not available: The counting system was replaced", ConversationBot.TextOf(card));
        Assert.Equal(ReturnState.Submitted, (await _bot.SavedAsync(id)).State);
    }

    [Fact]
    public async Task A_stale_card_changes_nothing_and_answers_the_current_card()
    {
        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.saveDraft");
        var id = ReturnIds(data)[0];
        await _bot.CardAfterAsync(Owner, "returns.saveDraft", data.DeepClone().AsObject().Answer(id, "30,000"));
        var afterDraft = await _bot.SavedAsync(id);

        var card = await _bot.CardAfterAsync(Owner, "returns.submit", data.Answer(id, "32,000"));

        Assert.Contains("This card was out of date", ConversationBot.TextOf(card));
        Assert.Equal(afterDraft, await _bot.SavedAsync(id));
        Assert.Equal(ReturnState.Draft, afterDraft.State);
    }

    [Fact]
    public async Task A_card_from_an_earlier_period_is_out_of_date()
    {
        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.submit");
        var id = ReturnIds(data)[0];
        var before = await _bot.SavedAsync(id);
        data["periodKey"] = "2025-26-Q1";

        var card = await _bot.CardAfterAsync(Owner, "returns.submit", data.Answer(id));

        Assert.Contains("This card was out of date", ConversationBot.TextOf(card));
        Assert.Equal(before, await _bot.SavedAsync(id));
    }

    [Fact]
    public async Task Someone_else_submitting_the_owners_return_is_refused_with_the_reason()
    {
        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.submit");
        var id = ReturnIds(data)[0];
        var before = await _bot.SavedAsync(id);

        var card = await _bot.CardAfterAsync(DemoCouncil.People.ScrutinyMember, "returns.submit", data.Answer(id));

        Assert.Contains("only its owner or one of its collators", ConversationBot.TextOf(card));
        Assert.Equal(before, await _bot.SavedAsync(id));
    }

    [Fact]
    public async Task Save_draft_keeps_what_was_typed_for_later()
    {
        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.saveDraft");
        var id = ReturnIds(data)[0];

        var card = await _bot.CardAfterAsync(Owner, "returns.saveDraft", data.Type(id, ("value", "1,234.5")));

        Assert.Contains("Draft saved", ConversationBot.TextOf(card));
        Assert.Equal("1234.5", InputValue(card, $"{id}.value"));
        Assert.Equal(ReturnState.Draft, (await _bot.SavedAsync(id)).State);
    }

    private static string InputValue(JsonNode card, string inputId) => Inputs(card).Single(i => i["id"]!.GetValue<string>() == inputId)["value"]!.GetValue<string>();

    private static IEnumerable<JsonObject> Inputs(JsonNode? node) => node switch
    {
        JsonObject o when o["id"] is not null && o["type"]?.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal) == true => [o],
        JsonObject o => o.SelectMany(p => Inputs(p.Value)),
        JsonArray a => a.SelectMany(Inputs),
        _ => [],
    };
}
