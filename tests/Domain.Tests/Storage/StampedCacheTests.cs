using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Storage;

/// <summary>
/// A value kept under the data-version stamp is loaded once per stamp, however many ask at once:
/// otherwise every ask of a busy card right after a saved change composes it again.
/// </summary>
public sealed class StampedCacheTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly DataVersionWatch _watch = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    /// <summary>A context whose stamp is known without a query, so that many can ask at once.</summary>
    private PmfDbContext AtStamp(long stamp)
    {
        _watch.TryKeep(_watch.Generation, stamp);
        return new PmfDbContext(DatabaseSetup.UseStore(new DbContextOptionsBuilder<PmfDbContext>(), _database.Options).Options) { Watch = _watch };
    }

    [Fact]
    public async Task Asks_that_arrive_while_a_value_is_loading_wait_for_that_one_load()
    {
        var cache = new StampedCache<string, string>(10);
        var release = new TaskCompletionSource();
        var loads = 0;
        await using var db = AtStamp(5);

        var asks = Enumerable.Range(0, 20).Select(_ => cache.GetOrLoadAsync(db, "HW1", async () =>
        {
            Interlocked.Increment(ref loads);
            await release.Task;
            return "card of HW1";
        }, CancellationToken.None)).ToList();
        release.SetResult();

        Assert.All(await Task.WhenAll(asks), card => Assert.Equal("card of HW1", card));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task When_the_load_they_waited_for_fails_the_waiting_asks_load_for_themselves_and_nothing_failed_is_kept()
    {
        var cache = new StampedCache<string, string>(10);
        var release = new TaskCompletionSource();
        var loads = 0;
        await using var db = AtStamp(5);

        var first = cache.GetOrLoadAsync(db, "HW1", async () =>
        {
            Interlocked.Increment(ref loads);
            await release.Task;
            throw new TimeoutException("the first ask's request gave up");
        }, CancellationToken.None);
        var waiting = Enumerable.Range(0, 5).Select(_ => cache.GetOrLoadAsync(db, "HW1", async () =>
        {
            Interlocked.Increment(ref loads);
            await Task.Yield();
            return "card of HW1";
        }, CancellationToken.None)).ToList();
        release.SetResult();

        await Assert.ThrowsAsync<TimeoutException>(() => first);
        Assert.All(await Task.WhenAll(waiting), card => Assert.Equal("card of HW1", card));
        Assert.Equal(2, loads);
        Assert.Equal("card of HW1", await cache.GetOrLoadAsync(db, "HW1", () => Task.FromResult("loaded again"), CancellationToken.None));
    }

    [Fact]
    public async Task A_new_stamp_loads_again()
    {
        var cache = new StampedCache<string, string>(10);

        await using (var before = AtStamp(5))
            Assert.Equal("before", await cache.GetOrLoadAsync(before, "HW1", () => Task.FromResult("before"), CancellationToken.None));
        await using var after = AtStamp(6);

        Assert.Equal("after", await cache.GetOrLoadAsync(after, "HW1", () => Task.FromResult("after"), CancellationToken.None));
        Assert.Equal("after", await cache.GetOrLoadAsync(after, "HW1", () => Task.FromResult("not loaded"), CancellationToken.None));
    }
}
