using Microsoft.EntityFrameworkCore;
using PmfBot.Bench.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;

namespace PmfBot.Bench.Inbound;

/// <summary>
/// The last afternoon: owners saving their returns at a steady rate while status is asked. Each save
/// is a draft saved through the domain on "another server" (this process, not the bot): an audit
/// line, a new data-version stamp, a NOTIFY. Every save sends the bot's next ask of each priority back
/// to composing its card, which is what this measures.
/// </summary>
public sealed class OwnersSaving : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _saving;
    private int _saved;

    private OwnersSaving(StorageOptions storage, Period quarter, double perSecond) =>
        _saving = SaveAsync(storage, quarter, TimeSpan.FromSeconds(1 / perSecond), _stop.Token);

    public static OwnersSaving Start(StorageOptions storage, Period quarter, double perSecond) => new(storage, quarter, perSecond);

    /// <summary>Stops saving; returns how many returns were saved.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        await _saving;
        return _saved;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task SaveAsync(StorageOptions storage, Period quarter, TimeSpan every, CancellationToken stop)
    {
        List<Guid> open;
        await using (var db = DatabaseSetup.CreateContext(storage))
        {
            open = await db.Returns.AsNoTracking()
                .Where(r => r.Period == quarter && (r.State == ReturnState.Open || r.State == ReturnState.Draft))
                .Select(r => r.Id).ToListAsync(stop);
        }

        if (open.Count == 0)
        {
            throw new BenchSetupException($"The council has no open or draft returns in {quarter.Label} to save.");
        }

        using var timer = new PeriodicTimer(every);
        for (var n = 0; await Tick(timer, stop); n++)
        {
            await using var db = DatabaseSetup.CreateContext(storage);
            var ret = await db.Returns.Include(r => r.Indicator).SingleAsync(r => r.Id == open[n % open.Count], CancellationToken.None);
            var owner = await db.People.SingleAsync(p => p.Id == ret.Indicator.OwnerId, CancellationToken.None);
            ret.SaveDraft(owner, new ReturnEntry(100 + n, null, null, null, $"Draft {n}: figures still being checked with the service.", null, null), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(CancellationToken.None);
            _saved++;
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
