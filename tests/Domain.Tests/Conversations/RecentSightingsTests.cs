using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain.Conversations;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Conversations;

/// <summary>
/// The same person pressing button after button: an identical sighting recorded in the last minute is
/// not looked up again, anything new is, and a reference this server marks blocked is looked up at the
/// person's next message (which is what clears the mark).
/// </summary>
public sealed class RecentSightingsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private static ConversationSighting Megan(string? name = "Megan Bowen") => new()
    {
        Key = ConversationReference.PersonKey("7faf8ab2-3d56-4244-b585-20c8a42ed2b8"),
        Kind = ConversationKind.Personal,
        ServiceUrl = "https://smba.example.test/uk/",
        ChannelId = "msteams",
        ConversationId = "a:megan",
        UserId = "29:megan",
        EntraObjectId = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8",
        UserName = name,
    };

    [Fact]
    public void Only_the_same_sighting_within_a_minute_counts_as_recorded_lately()
    {
        var recent = new RecentSightings();
        recent.Recorded(Megan(), Now);

        Assert.True(recent.RecordedLately(Megan(), Now.AddSeconds(59)));
        Assert.False(recent.RecordedLately(Megan(), Now + RecentSightings.Memory));
        Assert.False(recent.RecordedLately(Megan("Megan Bowen-Smith"), Now.AddSeconds(1)));
        Assert.False(recent.RecordedLately(Megan() with { Installed = true }, Now.AddSeconds(1)));

        recent.Forget(Megan().Key);
        Assert.False(recent.RecordedLately(Megan(), Now.AddSeconds(1)));
    }

    [Fact]
    public async Task A_reference_marked_blocked_here_is_cleared_by_the_persons_next_message_within_the_minute()
    {
        var clock = new FakeTimeProvider(Now);
        var recent = new RecentSightings();
        await using (var db = _database.NewContext())
        {
            var store = new ConversationReferenceStore(db, clock, recent);
            await store.RecordAsync([Megan()]);
            Assert.True(await store.RecordBlockedAsync("a:megan"));
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        await using (var db = _database.NewContext())
        {
            await new ConversationReferenceStore(db, clock, recent).RecordAsync([Megan()]);
        }

        await using var check = _database.NewContext();
        Assert.Null((await check.ConversationReferences.SingleAsync()).BlockedAt);
    }
}
