using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Linking;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.People.Linking;
using PmfBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PmfBot.Bot.Tests.Linking;

/// <summary>
/// A council's own data list (no Entra object ids, not the demo): the first message from a Teams
/// account makes the bot ask Teams who that member is, and link the person with that email.
/// </summary>
public sealed class FirstContactLinkTests : IAsyncLifetime
{
    private const string OtherTenant = "11111111-2222-4333-8444-555555555555";

    private readonly TestCouncil _council = new();
    private ConversationBot _bot = new(seedDemo: false);

    public async Task InitializeAsync() => await StartAsync(_bot, _council, performanceTeam: true);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static TeamsUser Account(string objectId, string name, string key) => new(objectId, name, key);

    [Fact]
    public async Task A_person_is_linked_by_the_email_Teams_gives_and_the_next_message_is_answered_as_them()
    {
        var olivia = Account("0a0a0a0a-1111-4222-8333-444444444444", "Olivia Owner", "olivia");
        TeamsAnswers(olivia, email: "Olivia.Owner@Council.TEST", upn: "oowner@council.test");

        var first = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(olivia, "help")));
        var second = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(olivia, "help")));

        Assert.Contains("Hello Olivia Owner", first);
        Assert.Contains("Hello Olivia Owner", second);
        Assert.Contains("answer for 2 indicators", second);
        Assert.Single(MemberLookUps(olivia));
        await using var db = _bot.NewContext();
        Assert.Equal(olivia.ObjectId, (await db.People.SingleAsync(p => p.Id == _council.Owner.Id)).EntraObjectId);
        var audit = Assert.Single(await db.AuditLog.Where(a => a.EntityType == LinkTeamsAccount.AuditEntityType).ToListAsync());
        Assert.Equal(_council.Owner.Id, audit.EntityId);
        Assert.Equal(LinkTeamsAccount.AuditAction, audit.Action);
        Assert.Contains(olivia.ObjectId, audit.After);
        Assert.Contains(FirstContact.Source, audit.After);
    }

    [Fact]
    public async Task The_user_principal_name_is_used_when_the_email_matches_nobody()
    {
        var lee = Account("0b0b0b0b-1111-4222-8333-444444444444", "Lee Officer", "lee");
        TeamsAnswers(lee, email: "lee@personal-alias.test", upn: "LEE.OFFICER@council.test");

        var card = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(lee, "help")));

        Assert.Contains("Hello Lee Officer", card);
        Assert.Contains("lead 1 priority", card);
    }

    [Fact]
    public async Task Someone_whose_email_matches_nobody_is_told_whom_to_ask_and_nothing_is_linked()
    {
        var stranger = Account("0c0c0c0c-1111-4222-8333-444444444444", "Stan Ranger", "stan");
        TeamsAnswers(stranger, email: "stan.ranger@council.test");

        var card = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(stranger, "my returns")));

        Assert.Contains("does not match anyone", card);
        Assert.Contains("stan.ranger@council.test", card);
        Assert.Contains("Pat Lead (pat.lead@council.test)", card);
        await using var db = _bot.NewContext();
        Assert.Equal(0, await db.People.CountAsync(p => p.EntraObjectId != null));
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.EntityType == LinkTeamsAccount.AuditEntityType));
    }

    [Fact]
    public async Task Without_anyone_in_the_performance_team_the_configured_contact_is_given()
    {
        await _bot.DisposeAsync();
        _bot = new ConversationBot(seedDemo: false, alsoServices: s => s.Configure<LinkingOptions>(o => o.PerformanceTeamContact = "performance@council.test or extension 4242"));
        await StartAsync(_bot, new TestCouncil(), performanceTeam: false);
        var stranger = Account("0d0d0d0d-1111-4222-8333-444444444444", "Stan Ranger", "stan");
        TeamsAnswers(stranger, email: "stan.ranger@council.test");

        var card = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(stranger, "status CPP-C1")));

        Assert.Contains("performance@council.test or extension 4242", card);
    }

    [Fact]
    public async Task An_account_in_another_tenant_is_refused_and_not_linked_even_with_a_matching_email()
    {
        var guest = Account("0e0e0e0e-1111-4222-8333-444444444444", "Olivia Owner (Guest)", "guest");
        TeamsAnswers(guest, email: _council.Owner.Email, tenantId: OtherTenant);

        var card = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(guest, "my returns")));

        Assert.Contains("belongs to another organisation", card);
        await using var db = _bot.NewContext();
        Assert.Null((await db.People.SingleAsync(p => p.Id == _council.Owner.Id)).EntraObjectId);
    }

    [Fact]
    public async Task A_person_already_linked_to_another_account_is_not_moved()
    {
        const string existing = "0f0f0f0f-0000-4000-8000-000000000000";
        await using (var db = _bot.NewContext())
        {
            (await db.People.SingleAsync(p => p.Id == _council.Owner.Id)).LinkEntraObjectId(existing);
            await db.SaveChangesAsync();
        }

        var second = Account("0f0f0f0f-1111-4222-8333-444444444444", "Olivia Owner", "olivia-second");
        TeamsAnswers(second, email: _council.Owner.Email);

        var card = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(second, "my returns")));

        Assert.Contains("Your email matches Olivia Owner", card);
        Assert.Contains("already linked to another Teams account", card);
        Assert.Contains("Pat Lead", card);
        await using var after = _bot.NewContext();
        Assert.Equal(existing, (await after.People.SingleAsync(p => p.Id == _council.Owner.Id)).EntraObjectId);
        Assert.False(await after.People.AnyAsync(p => p.EntraObjectId == second.ObjectId));
    }

    [Fact]
    public async Task A_stranger_writing_again_is_answered_from_memory_until_the_memory_expires()
    {
        var stranger = Account("1a1a1a1a-1111-4222-8333-444444444444", "Stan Ranger", "stan");
        TeamsAnswers(stranger, email: "stan.ranger@council.test");

        await _bot.SayAsync(stranger, "help");
        var again = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(stranger, "my returns")));
        await _bot.SayAsync(stranger, "status CPP-C1");
        Assert.Single(MemberLookUps(stranger));
        Assert.Contains("does not match anyone", again);

        _bot.Clock.Advance(new LinkingOptions().RetryLookupAfter + TimeSpan.FromSeconds(1));
        await _bot.SayAsync(stranger, "help");

        Assert.Equal(2, MemberLookUps(stranger).Count);
    }

    [Fact]
    public async Task Someone_added_to_the_data_list_after_being_refused_is_linked_once_the_memory_expires()
    {
        var late = Account("1b1b1b1b-1111-4222-8333-444444444444", "Lena Late", "lena");
        TeamsAnswers(late, email: "lena.late@council.test");
        await _bot.SayAsync(late, "help");
        await using (var db = _bot.NewContext())
        {
            db.People.Add(new PmfBot.Domain.People.Person(Guid.NewGuid(), "Lena Late", "lena.late@council.test"));
            await db.SaveChangesAsync();
        }

        _bot.Clock.Advance(new LinkingOptions().RetryLookupAfter + TimeSpan.FromSeconds(1));
        var card = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(late, "help")));

        Assert.Contains("Hello Lena Late", card);
    }

    [Fact]
    public async Task When_Teams_cannot_answer_the_person_is_asked_to_try_again_and_Teams_is_asked_next_time()
    {
        var olivia = Account("1c1c1c1c-1111-4222-8333-444444444444", "Olivia Owner", "olivia");
        _bot.Connector.Given(Request.Create().UsingGet().WithPath(p => p.Contains("/members/" + olivia.UserId, StringComparison.Ordinal)))
            .AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(403).WithBodyAsJson(new { error = new { code = "BotNotInConversationRoster", message = "no" } }));

        var card = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(olivia, "my returns")));
        await _bot.SayAsync(olivia, "my returns");

        Assert.Contains("try again in a minute", card);
        Assert.Equal(2, MemberLookUps(olivia).Count);
    }

    private static async Task StartAsync(ConversationBot bot, TestCouncil council, bool performanceTeam)
    {
        bot.CreateClient(); // starts the host, which prepares the (empty) database
        council.PerformanceLead.IsPerformanceTeam = performanceTeam;
        await council.SaveAsync(bot.Database, ConversationBot.DemoDay);
    }

    /// <summary>The Bot Connector fake answers the member look-up for <paramref name="user"/> as Teams would.</summary>
    private void TeamsAnswers(TeamsUser user, string email, string? upn = null, string tenantId = TeamsUser.CouncilTenant) =>
        _bot.Connector.Given(Request.Create().UsingGet().WithPath(p => p.Contains("/members/" + user.UserId, StringComparison.Ordinal)))
            .AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(new JsonObject
            {
                ["id"] = user.UserId,
                ["name"] = user.Name,
                ["aadObjectId"] = user.ObjectId,
                ["email"] = email,
                ["userPrincipalName"] = upn ?? email,
                ["tenantId"] = tenantId,
                ["userRole"] = "user",
            }.ToJsonString()));

    private IReadOnlyList<WireMock.Logging.ILogEntry> MemberLookUps(TeamsUser user) =>
        _bot.Connector.LogEntries.Where(e => e.RequestMessage.Method == "GET" && e.RequestMessage.Path.Contains("/members/" + user.UserId, StringComparison.Ordinal)).ToList();
}
