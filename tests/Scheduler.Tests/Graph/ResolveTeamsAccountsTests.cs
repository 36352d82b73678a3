using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Conversations;
using PmfBot.Domain.People.Linking;
using PmfBot.Scheduler.Graph;
using PmfBot.Scheduler.Jobs;
using PmfBot.Scheduler.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Scheduler.Tests.Graph;

/// <summary>
/// Before anyone has spoken to PmfBot: with Graph, unlinked people (a council's own list, no object
/// ids) are found by email, linked and PmfBot is installed for them; safe to run twice.
/// </summary>
public sealed class ResolveTeamsAccountsTests : IAsyncLifetime
{
    private const string Tenant = "9b2d6c4e-1f3a-4e5b-8c7d-0a1b2c3d4e5f";

    private readonly SqliteTestDatabase _database = new();
    /// <summary>10:00 on the day Q2's returns open.</summary>
    private readonly FakeTimeProvider _clock = new(Days.TenAm(ReturnCalendar.EnglandAndWales().WindowFor(TestCouncil.Q2).Opens));
    private readonly FakeDirectory _directory = new() { CanInstall = true };
    private readonly TestCouncil _council = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _council.SaveAsync(_database, _clock.GetUtcNow());
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Unlinked_people_found_by_email_are_linked_audited_and_get_the_app_once()
    {
        _directory.People[_council.Owner.Email] = new DirectoryPerson("aaaaaaaa-0000-4000-8000-000000000001", "Olivia Owner", _council.Owner.Email);
        _directory.People[_council.Chair.Email] = new DirectoryPerson("aaaaaaaa-0000-4000-8000-000000000002", "Councillor Chair", "CHAIR@council.test");
        await using var services = Build();

        var first = await services.WithAsync<LinkTeamsAccountsJob, ResolveTeamsAccounts.Result>(job => job.RunAsync(CancellationToken.None));
        await RecordChatAsync(services, "aaaaaaaa-0000-4000-8000-000000000001");
        var second = await services.WithAsync<LinkTeamsAccountsJob, ResolveTeamsAccounts.Result>(job => job.RunAsync(CancellationToken.None));

        Assert.Equal((2, 5, 2), (first.Linked, first.NotFound, first.Installed));
        Assert.Equal((0, 5, 1), (second.Linked, second.NotFound, second.Installed));
        Assert.Equal(["aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002", "aaaaaaaa-0000-4000-8000-000000000002"], _directory.Installed.Order());
        await using var db = _database.NewContext();
        Assert.Equal("aaaaaaaa-0000-4000-8000-000000000002", (await db.People.SingleAsync(p => p.Id == _council.Chair.Id)).EntraObjectId);
        var audits = await db.AuditLog.Where(a => a.EntityType == LinkTeamsAccount.AuditEntityType).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Contains(ResolveTeamsAccounts.Source, a.After));
    }

    [Fact]
    public async Task The_cycle_links_people_the_day_returns_open_before_it_queues_their_nudges()
    {
        _directory.People[_council.Owner.Email] = new DirectoryPerson("aaaaaaaa-0000-4000-8000-000000000003", "Olivia Owner", _council.Owner.Email);
        await using var services = Build();

        var (cycle, _) = await services.RunCycleAndDeliverAsync();

        Assert.Equal(CycleJob.Outcome.Ran, cycle.Outcome);
        await using var db = _database.NewContext();
        Assert.Equal("aaaaaaaa-0000-4000-8000-000000000003", (await db.People.SingleAsync(p => p.Id == _council.Owner.Id)).EntraObjectId);
    }

    [Fact]
    public async Task Without_Graph_nothing_is_looked_up_or_linked()
    {
        await using var services = SchedulerServices.Build(_database, _clock, new RecordingDelivery(_clock));

        var result = await services.WithAsync<LinkTeamsAccountsJob, ResolveTeamsAccounts.Result>(job => job.RunAsync(CancellationToken.None));

        Assert.Equal(new ResolveTeamsAccounts.Result(0, 0, 0, 0, 0), result);
        await using var db = _database.NewContext();
        Assert.False(await db.People.AnyAsync(p => p.EntraObjectId != null));
    }

    private ServiceProvider Build() => SchedulerServices.Build(
        _database,
        _clock,
        new RecordingDelivery(_clock),
        s =>
        {
            s["Graph:TenantId"] = Tenant;
            s["Graph:ClientId"] = "00000000-0000-0000-0000-0000000c1e57";
            s["Graph:ClientSecret"] = "not-a-real-secret";
            s["Graph:InstallAppForUsers"] = "true";
            s["Graph:TeamsAppId"] = "11111111-2222-3333-4444-555555555555";
        },
        s => s.AddSingleton<IDirectory>(_directory));

    /// <summary>What the bot records when Teams tells it of the install: the person's chat.</summary>
    private static async Task RecordChatAsync(IServiceProvider services, string objectId)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>().RecordAsync(
        [
            new ConversationSighting
            {
                Key = ConversationReference.PersonKey(objectId),
                Kind = ConversationKind.Personal,
                ServiceUrl = "https://smba.trafficmanager.net/uk/",
                ChannelId = "msteams",
                ConversationId = "a:chat-" + objectId,
                UserId = "29:" + objectId,
                EntraObjectId = objectId,
                TenantId = Tenant,
                Installed = true,
            },
        ]);
    }
}
