using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Returns;
using PmfBot.Tests.Support;
using static PmfBot.Bot.Tests.Returns.ReturnsScenario;

namespace PmfBot.Bot.Tests.Returns;

public sealed class SignOffCardTests : IClassFixture<SharedDemoBot>, IAsyncLifetime
{
    private static readonly DemoPerson Lead = DemoCouncil.People.PerformanceLead;
    private readonly ConversationBot _bot;

    /// <summary>Null: the class's shared bot; otherwise this instance's own bot, disposed with it.</summary>
    private readonly TestDatabase? _ownDatabase;

    public SignOffCardTests(SharedDemoBot shared) => _bot = shared.Bot;

    internal SignOffCardTests(TestDatabase database)
    {
        _ownDatabase = database;
        _bot = new ConversationBot(database);
    }

    public Task InitializeAsync()
    {
        if (_ownDatabase is null)
        {
            return _bot.ResetAsync(); // back to the council as seeded, at the demo day
        }

        _bot.CreateClient().Dispose(); // starts the host: schema and demo council
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_ownDatabase is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_performance_lead_signs_off_all_submitted_returns_and_the_message_is_updated()
    {
        var (_, returnId) = await ResubmitTheSentBackReturnAsync();
        var data = DataOf(await _bot.SignOffCardAsync(Lead), "signoff.all");

        var card = await _bot.CardAfterAsync(Lead, "signoff.all", data);

        Assert.Matches(@"Signed off \d+ returns? for Adults and Health", ConversationBot.TextOf(card));
        Assert.Equal(ReturnState.SignedOff, (await _bot.SavedAsync(returnId)).State);
        Assert.Contains(_bot.Connector.LogEntries, e => e.RequestMessage.Method == "PUT" && e.RequestMessage.Path.EndsWith("/activities/1:card-message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paging_the_sign_off_card_through_card_page_answers_the_sign_off_card()
    {
        await ResubmitTheSentBackReturnAsync();
        var data = DataOf(await _bot.SignOffCardAsync(Lead), "signoff.all");
        data["cardKind"] = "sign-off-card";
        data["page"] = 1;

        var card = await _bot.CardAfterAsync(Lead, "card.page", data);

        Assert.True(HasButton(card, "signoff.all"));
        Assert.Contains("Adults and Health", ConversationBot.TextOf(card));
    }

    [Fact]
    public async Task Sign_off_is_refused_for_anyone_but_the_directorates_performance_lead()
    {
        var (owner, returnId) = await ResubmitTheSentBackReturnAsync();
        var data = DataOf(await _bot.SignOffCardAsync(Lead), "signoff.all");

        var card = await _bot.CardAfterAsync(owner, "signoff.all", data);

        Assert.Contains("Only Adults and Health's performance lead", ConversationBot.TextOf(card));
        Assert.Equal(ReturnState.Submitted, (await _bot.SavedAsync(returnId)).State);
    }

    [Fact]
    public async Task A_stale_sign_off_card_changes_nothing()
    {
        var (_, returnId) = await ResubmitTheSentBackReturnAsync();
        var data = DataOf(await _bot.SignOffCardAsync(Lead), "signoff.all");
        data["version"] = "00000000";

        var card = await _bot.CardAfterAsync(Lead, "signoff.all", data);

        Assert.Contains("This card was out of date", ConversationBot.TextOf(card));
        Assert.Equal(ReturnState.Submitted, (await _bot.SavedAsync(returnId)).State);
    }

    [Fact]
    public async Task Send_back_with_a_comment_puts_the_comment_on_the_owners_return_card()
    {
        var (owner, returnId) = await ResubmitTheSentBackReturnAsync();
        var data = DataOf(await _bot.SignOffCardAsync(Lead), "signoff.sendBack");
        data["sendBackReturnId"] = returnId;
        data["sendBackComment"] = "Please explain the drop in September.";

        var card = await _bot.CardAfterAsync(Lead, "signoff.sendBack", data);

        Assert.Contains("was sent back with your comment", ConversationBot.TextOf(card));
        Assert.Equal(ReturnState.SentBack, (await _bot.SavedAsync(returnId)).State);
        Assert.Contains("Please explain the drop in September.", ConversationBot.TextOf(await _bot.MyReturnsAsync(owner)));
    }

    [Fact]
    public async Task Send_back_without_a_comment_shows_the_error_by_the_field()
    {
        var (_, returnId) = await ResubmitTheSentBackReturnAsync();
        var data = DataOf(await _bot.SignOffCardAsync(Lead), "signoff.sendBack");
        data["sendBackReturnId"] = returnId;

        var card = await _bot.CardAfterAsync(Lead, "signoff.sendBack", data);

        Assert.Contains("Say what needs to change", ConversationBot.TextOf(card));
        Assert.Equal(ReturnState.Submitted, (await _bot.SavedAsync(returnId)).State);
    }

    /// <summary>CPP-HA2 was sent back in the demo; its owner answers it again so the lead has one to sign off.</summary>
    private async Task<(DemoPerson Owner, string ReturnId)> ResubmitTheSentBackReturnAsync()
    {
        DemoPerson owner;
        await using (var db = _bot.NewContext())
        {
            var q2 = Period.Quarter(2025, 2);
            var sentBack = await db.Returns.AsNoTracking().Include(r => r.Indicator)
                .FirstAsync(r => r.Period == q2 && r.State == ReturnState.SentBack && r.Indicator.Code == "CPP-HA2");
            var email = await db.People.Where(p => p.Id == sentBack.Indicator.OwnerId).Select(p => p.Email).SingleAsync();
            owner = DemoCouncil.People.All.Single(p => p.Email == email);
        }

        var data = DataOf(await _bot.MyReturnsAsync(owner), "returns.submit");
        var ids = ReturnIds(data);
        foreach (var id in ids)
        {
            data.Answer(id, "75");
        }

        var card = await _bot.CardAfterAsync(owner, "returns.submit", data);
        Assert.Contains("Submitted", ConversationBot.TextOf(card));
        await using var check = _bot.NewContext();
        var q = Period.Quarter(2025, 2);
        var resubmitted = await check.Returns.AsNoTracking().SingleAsync(r => r.Period == q && r.Indicator.Code == "CPP-HA2");
        Assert.Equal(ReturnState.Submitted, resubmitted.State);
        return (owner, resubmitted.Id.ToString());
    }
}

/// <summary>The same sign-off journeys on PostgreSQL (needs PMF_TEST_POSTGRES).</summary>
public sealed class SignOffCardOnPostgresTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private SignOffCardTests? _tests;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _tests = new SignOffCardTests(_database);
        await _tests.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_tests is not null)
        {
            await _tests.DisposeAsync();
        }
    }

    [Fact]
    public Task The_performance_lead_signs_off_all_submitted_returns() => _tests!.The_performance_lead_signs_off_all_submitted_returns_and_the_message_is_updated();

    [Fact]
    public Task Send_back_with_a_comment_reaches_the_owners_return_card() => _tests!.Send_back_with_a_comment_puts_the_comment_on_the_owners_return_card();
}
