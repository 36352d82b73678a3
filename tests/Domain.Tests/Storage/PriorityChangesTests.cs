using Microsoft.EntityFrameworkCore;
using Npgsql;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Storage;

/// <summary>
/// A card about one priority is composed again only when a change may show on it: a change that
/// touches another priority leaves its stamp alone; anything unknown, or a gap in hearing, moves all.
/// </summary>
public sealed class PriorityChangesTests
{
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly Guid Housing = Guid.NewGuid();

    [Fact]
    public void Without_hearing_every_change_there_is_no_priority_stamp()
    {
        var changes = new PriorityChanges();

        Assert.Null(changes.StampOf(Health));
        changes.StartHearing();
        Assert.NotNull(changes.StampOf(Health));
        changes.StopHearing();
        Assert.Null(changes.StampOf(Health));
    }

    [Fact]
    public void A_change_to_one_priority_moves_its_stamp_only_and_a_change_to_anything_moves_every_stamp()
    {
        var changes = new PriorityChanges();
        changes.StartHearing();
        var (health, housing) = (changes.StampOf(Health), changes.StampOf(Housing));

        changes.Changed([Housing]);
        Assert.Equal(health, changes.StampOf(Health));
        Assert.NotEqual(housing, changes.StampOf(Housing));

        var housingNow = changes.StampOf(Housing);
        changes.Changed((IReadOnlyCollection<Guid>?)null);
        Assert.NotEqual(health, changes.StampOf(Health));
        Assert.NotEqual(housingNow, changes.StampOf(Housing));
    }

    [Fact]
    public void Hearing_again_after_a_gap_moves_every_stamp()
    {
        var changes = new PriorityChanges();
        changes.StartHearing();
        var before = changes.StampOf(Health);

        changes.StopHearing();
        changes.StartHearing();

        Assert.NotEqual(before, changes.StampOf(Health));
    }

    [Fact]
    public void Priority_stamps_never_equal_a_data_version_stamp()
    {
        var changes = new PriorityChanges();
        changes.StartHearing();

        Assert.True(changes.StampOf(Health) < 0);
        Assert.True(DataVersion.NewStamp() >= 0);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("*", true)]
    [InlineData("not a priority", true)]
    [InlineData("", false)]
    public void A_payload_names_the_priorities_touched_and_anything_unreadable_means_all(string? payload, bool movesHealth)
    {
        var changes = new PriorityChanges();
        changes.StartHearing();
        var before = changes.StampOf(Health);

        changes.Changed(payload);

        Assert.Equal(movesHealth, before != changes.StampOf(Health));
    }

    [Fact]
    public void A_payload_round_trips_and_too_many_priorities_is_everything()
    {
        Assert.Equal($"{Health},{Housing}".Split(',').Order(), PriorityChanges.Payload([Housing, Health]).Split(',').Order());
        Assert.Equal("", PriorityChanges.Payload([]));
        Assert.Equal(PriorityChanges.Everything, PriorityChanges.Payload(Enumerable.Range(0, PriorityChanges.MaxIdsInPayload + 1).Select(_ => Guid.NewGuid()).ToList()));
        Assert.True(PriorityChanges.Payload(Enumerable.Range(0, PriorityChanges.MaxIdsInPayload).Select(_ => Guid.NewGuid()).ToList()).Length < 8000);
    }
}

/// <summary>What each kind of saved change tells the other servers it touched.</summary>
public sealed class PriorityChangesNotifiedOnPostgres : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 10, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly PostgresTestDatabase _database = new();
    private readonly TestCouncil _council = new();
    private readonly List<string> _heard = [];
    private NpgsqlConnection? _listener;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _council.SaveAsync(_database, Now);
        _listener = new NpgsqlConnection(_database.ConnectionString);
        await _listener.OpenAsync();
        _listener.Notification += (_, e) => _heard.Add(e.Payload);
        await using var listen = new NpgsqlCommand($"LISTEN {StorageInitialiser.DataVersionChannel}", _listener);
        await listen.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_listener is not null)
            await _listener.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<string> HeardAsync()
    {
        Assert.True(await _listener!.WaitAsync(TimeSpan.FromSeconds(5)), "nothing was notified");
        return Assert.Single(_heard);
    }

    [Fact]
    public async Task A_saved_return_names_its_indicators_priority()
    {
        await using (var db = _database.NewContext())
        {
            var ret = await db.Returns.Include(r => r.Indicator).FirstAsync(r => r.IndicatorId == _council.Schools.Id);
            ret.SaveDraft(_council.Owner, TestCouncil.Entry(91.5m), Now);
            await db.SaveChangesAsync();
        }

        Assert.Equal(_council.Priority.Id.ToString(), await HeardAsync());
    }

    [Fact]
    public async Task A_renamed_person_may_show_on_any_card()
    {
        await using (var db = _database.NewContext())
        {
            (await db.People.SingleAsync(p => p.Id == _council.Owner.Id)).Rename("Olivia Owner-Smith");
            await db.SaveChangesAsync();
        }

        Assert.Equal(PriorityChanges.Everything, await HeardAsync());
    }
}
