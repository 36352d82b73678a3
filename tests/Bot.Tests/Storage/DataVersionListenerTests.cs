using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Storage;

/// <summary>
/// On PostgreSQL a server learns of changes saved anywhere from a LISTEN, instead of reading the
/// data-version stamp for every card; when that connection is lost it reads the stamp again until
/// the listener is back, so a card is never older than the last change it could have known of.
/// </summary>
public sealed class DataVersionListenerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly PostgresTestDatabase _database = new();
    private readonly ConversationBot _bot;

    public DataVersionListenerTests() => _bot = new ConversationBot(_database);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _ = _bot.Server;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private DataVersionWatch Watch => _bot.Services.GetRequiredService<DataVersionWatch>();

    private async Task<long> StoredStampAsync()
    {
        await using var db = _bot.NewContext();
        return await db.DataVersion.AsNoTracking().Select(v => v.Stamp).SingleAsync();
    }

    /// <summary>What this server would use for a card now, without asking the database.</summary>
    private async Task<long?> KnownStampAsync()
    {
        if (!Watch.IsKnown)
            return null;
        await using var db = _bot.NewContext();
        return await Watch.CurrentAsync(db, CancellationToken.None);
    }

    private static async Task<bool> UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return true;
            await Task.Delay(50);
        }

        return await condition();
    }

    private async Task RenameLeadOfHw1Async(string name)
    {
        await using var otherServer = _bot.NewContext();
        var priority = await otherServer.Priorities.SingleAsync(p => p.Code == "HW1");
        var lead = await otherServer.People.SingleAsync(p => p.Id == priority.LeadOfficerId);
        lead.Rename(name);
        await otherServer.SaveChangesAsync();
    }

    [Fact]
    public async Task A_change_saved_by_another_server_is_known_here_without_this_server_being_asked_anything()
    {
        Assert.True(await UntilAsync(async () => await KnownStampAsync() == await StoredStampAsync()), "the listener never caught up after start");

        await RenameLeadOfHw1Async("Dr Imogen Renamed");
        var stored = await StoredStampAsync();

        Assert.True(await UntilAsync(async () => await KnownStampAsync() == stored), "the change was never heard of");
        var card = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status hw1")));
        Assert.Contains("Dr Imogen Renamed", card);
    }

    [Fact]
    public async Task While_the_listener_is_cut_off_cards_read_the_stamp_and_stay_current_until_it_is_back()
    {
        Assert.True(await UntilAsync(async () => await KnownStampAsync() is not null), "the listener never caught up after start");
        var first = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status hw1")));

        await using (var admin = new NpgsqlConnection(PostgresTestDatabase.ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var cut = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pmfbot-data-version-listener' AND datname = @db", admin);
            cut.Parameters.AddWithValue("db", new NpgsqlConnectionStringBuilder(_database.ConnectionString).Database!);
            Assert.Equal(1, (await cut.ExecuteScalarAsync()) is true ? 1 : 0);
        }

        Assert.True(await UntilAsync(() => Task.FromResult(!Watch.IsKnown)), "the watch went on trusting a listener that was cut off");
        Assert.Null(Watch.Priorities.StampOf(Guid.NewGuid()));
        await RenameLeadOfHw1Async("Dr Cut Off");
        var during = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status hw1")));

        Assert.DoesNotContain("Dr Cut Off", first);
        Assert.Contains("Dr Cut Off", during);
        Assert.True(await UntilAsync(async () => await KnownStampAsync() == await StoredStampAsync()), "the listener never came back");
    }

    [Fact]
    public async Task A_return_saved_by_another_server_moves_only_the_card_stamp_of_its_own_priority()
    {
        Assert.True(await UntilAsync(async () => await KnownStampAsync() is not null), "the listener never caught up after start");
        await using var otherServer = _bot.NewContext();
        var hw1 = (await otherServer.Priorities.SingleAsync(p => p.Code == "HW1")).Id;
        var open = new[] { PmfBot.Domain.Returns.ReturnState.Open, PmfBot.Domain.Returns.ReturnState.Draft };
        var ret = await otherServer.Returns.Include(r => r.Indicator).ThenInclude(i => i.Priorities)
            .Where(r => open.Contains(r.State) && !r.Indicator.Priorities.Any(l => l.PriorityId == hw1) && r.Indicator.Priorities.Any())
            .FirstAsync();
        var other = ret.Indicator.Priorities.First().PriorityId;
        var owner = await otherServer.People.SingleAsync(p => p.Id == ret.Indicator.OwnerId);
        var (hw1Before, otherBefore) = (Watch.Priorities.StampOf(hw1), Watch.Priorities.StampOf(other));

        ret.SaveDraft(owner, new PmfBot.Domain.Returns.ReturnEntry(42, null, null, null, "Figures still being checked with the service.", null, null), DateTimeOffset.UtcNow);
        await otherServer.SaveChangesAsync();

        Assert.True(await UntilAsync(() => Task.FromResult(Watch.Priorities.StampOf(other) != otherBefore)), "the change to its priority was never heard of");
        Assert.Equal(hw1Before, Watch.Priorities.StampOf(hw1));
    }
}
