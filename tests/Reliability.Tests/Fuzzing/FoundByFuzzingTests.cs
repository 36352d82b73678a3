using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Demo;
using PmfBot.Reliability.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Reliability.Tests.Fuzzing;

public sealed class DemoBotFixture : IAsyncLifetime
{
    public BotUnderTest Bot { get; } = new(new SqliteTestDatabase());

    public Task InitializeAsync()
    {
        _ = Bot.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}

/// <summary>
/// Each defect the fuzzer found, replayed on its own: before the fix each got an HTTP 500 or the
/// "something went wrong" card with an error in the log; now each gets a clear answer.
/// </summary>
public sealed class FoundByFuzzingTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    private static readonly DemoPerson Owner = DemoCouncil.People.Owner;
    private BotUnderTest Bot => fixture.Bot;

    [Fact]
    public async Task A_card_action_whose_verb_is_not_text_gets_400_naming_the_card_action()
    {
        var click = Bot.Click(Owner, "returns.show", []);
        click["value"]!["action"]!["verb"] = new JsonArray(new JsonArray("returns.show"));

        var (status, text, errors) = await PostAsync(click.ToJsonString());

        Assert.Equal((HttpStatusCode.BadRequest, 0), (status, errors));
        Assert.Contains("value.action is not a valid card action", text);
    }

    [Fact]
    public async Task A_property_sent_twice_gets_400_naming_it_instead_of_failing_in_the_card_handler()
    {
        var click = Bot.Click(Owner, "returns.show", new JsonObject { ["periodKey"] = "__twice__" });
        var body = click.ToJsonString().Replace("\"__twice__\"", "\"2025-26-Q2\",\"periodKey\":\"2025-26-Q2\"", StringComparison.Ordinal);

        var (status, text, errors) = await PostAsync(body);

        Assert.Equal((HttpStatusCode.BadRequest, 0), (status, errors));
        Assert.Contains("repeats the property \\u0022periodKey\\u0022", text);
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"a\\udfffb\"")]
    public async Task Text_with_a_lone_surrogate_gets_400_instead_of_500(string loneSurrogate)
    {
        var click = Bot.Click(Owner, "returns.submit", new JsonObject { ["returns"] = new JsonArray(new JsonObject { ["returnId"] = "__bad__" }) });
        var body = click.ToJsonString().Replace("\"__bad__\"", loneSurrogate, StringComparison.Ordinal);

        var (status, text, errors) = await PostAsync(body);

        Assert.Equal((HttpStatusCode.BadRequest, 0), (status, errors));
        Assert.Contains("not valid Unicode", text);
    }

    [Fact]
    public async Task Invalid_UTF8_bytes_get_400()
    {
        var bytes = Encoding.UTF8.GetBytes(Bot.Message(Owner, "__bad__").ToJsonString());
        var at = bytes.AsSpan().IndexOf("__bad__"u8);
        byte[] body = [.. bytes.AsSpan(0, at), 0xC0, 0xAF, .. bytes.AsSpan(at + 7)];

        var response = await Bot.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_return_id_sent_as_a_number_is_an_out_of_date_card_not_a_failure()
    {
        var data = await ReturnCardDataAsync();
        data["returns"]![0]!["returnId"] = 12345;
        var before = await AuditLinesAsync();

        var (status, text, errors) = await PostAsync(Bot.Click(Owner, "returns.submit", data).ToJsonString());

        Assert.Equal((HttpStatusCode.OK, 0), (status, errors));
        Assert.DoesNotContain("Something went wrong", text);
        Assert.Equal(before, await AuditLinesAsync());
    }

    [Fact]
    public async Task A_reason_longer_than_the_card_allows_is_refused_with_its_length_and_the_card_still_fits_in_Teams()
    {
        var data = await ReturnCardDataAsync();
        var id = data["returns"]![0]!["returnId"]!.GetValue<string>();
        data[$"{id}.value"] = "78.5";
        data[$"{id}.overrideRag"] = "Green";
        data[$"{id}.overrideReason"] = new string('x', 60_000);
        var before = await AuditLinesAsync();

        var (status, text, errors) = await PostAsync(Bot.Click(Owner, "returns.submit", data).ToJsonString());

        Assert.Equal((HttpStatusCode.OK, 0), (status, errors));
        Assert.Contains("The override reason is 60000 characters long; the most is 500.", text);
        Assert.True(Encoding.UTF8.GetByteCount(text) < 28 * 1024, $"{Encoding.UTF8.GetByteCount(text)} bytes");
        Assert.Equal(before, await AuditLinesAsync());
    }

    [Fact]
    public async Task A_null_in_membersAdded_is_skipped_without_an_error()
    {
        var update = Bot.Activity(Owner, "conversationUpdate");
        update["membersAdded"] = new JsonArray(null, new JsonObject { ["id"] = "28:pmfbot" });

        var (status, _, errors) = await PostAsync(update.ToJsonString());

        Assert.Equal((HttpStatusCode.OK, 0), (status, errors));
    }

    [Theory]
    [InlineData("conversation.id", 401)]
    [InlineData("recipient.id", 201)]
    [InlineData("from.aadObjectId", 65)]
    public async Task An_id_longer_than_Teams_ever_sends_gets_400_naming_it(string field, int length)
    {
        var message = Bot.Message(Owner, "help");
        var (parent, key) = (field.Split('.')[0], field.Split('.')[1]);
        message[parent]![key] = new string('x', length);

        var (status, text, errors) = await PostAsync(message.ToJsonString());

        Assert.Equal((HttpStatusCode.BadRequest, 0), (status, errors));
        Assert.Contains($"{field} is longer than Teams ever sends", text);
    }

    [Fact]
    public async Task A_name_longer_than_PmfBot_keeps_is_cut_and_the_conversation_still_recorded()
    {
        var message = Bot.Message(DemoCouncil.People.Collator, "help");
        message["from"]!["name"] = new string('n', 5000);

        var (status, _, errors) = await PostAsync(message.ToJsonString());

        Assert.Equal((HttpStatusCode.OK, 0), (status, errors));
        await using var db = Bot.NewContext();
        var reference = await db.ConversationReferences.AsNoTracking().SingleAsync(r => r.EntraObjectId == DemoCouncil.People.Collator.EntraObjectId);
        Assert.Equal(200, reference.UserName!.Length);
    }

    private async Task<(HttpStatusCode Status, string Text, int Errors)> PostAsync(string body)
    {
        var mark = Bot.Logs.Lines.Count;
        var response = await Bot.PostAsync(Encoding.UTF8.GetBytes(body));
        var errors = Bot.Logs.Lines.Skip(mark).Count(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), errors);
    }

    private async Task<JsonObject> ReturnCardDataAsync()
    {
        var card = Assert.Single(await Bot.SayAsync(Owner, "my returns"));
        return CardButtons.Of(card).First(b => b.Verb == "returns.submit").Data;
    }

    private async Task<int> AuditLinesAsync()
    {
        await using var db = Bot.NewContext();
        return await db.AuditLog.CountAsync();
    }
}
