using Npgsql;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Storage;

/// <summary>
/// On PostgreSQL, keeps <see cref="DataVersionWatch"/> up to date without a query per request: it
/// LISTENs on the channel a trigger on <c>data_version</c> notifies when a change commits, and reads
/// the stamp again after each notification. Every <see cref="Heartbeat"/> it reads the stamp anyway,
/// which proves the connection is alive (a silently dead one would otherwise never notify). While it
/// is not connected, the watch knows nothing and every card reads the stamp, as before: slower, never stale.
/// Each notification names the priorities the change touched (<see cref="PriorityChanges"/>), so a
/// card about one priority is composed again only when something it shows may have changed.
/// </summary>
internal sealed class DataVersionListener(StorageOptions options, DataVersionWatch watch, ILogger<DataVersionListener> logger) : BackgroundService
{
    /// <summary>The channel the <c>data_version</c> trigger notifies (<see cref="StorageInitialiser"/>).</summary>
    public const string Channel = StorageInitialiser.DataVersionChannel;

    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.UsesPostgres)
        {
            return;
        }

        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => pause = TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                watch.Priorities.StopHearing();
                watch.Forget();
                logger.LogWarning(ex, "Lost the data-version notifications; cards read the stamp from the database until they are back (trying again in {Pause})", pause);
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }
        }

        watch.Priorities.StopHearing();
        watch.Forget();
    }

    private async Task ListenAsync(Action connected, CancellationToken stoppingToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString)
        {
            Pooling = false,
            ApplicationName = "pmfbot-data-version-listener",
            CommandTimeout = 5,
        };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        var notified = 0;
        connection.Notification += (_, e) =>
        {
            // Which priorities' cards the change touched: they are composed again at their next ask.
            watch.Priorities.Changed(e.Payload);
            Interlocked.Exchange(ref notified, 1);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Every change from here on is heard; what happened before is covered by a new epoch.
        watch.Priorities.StartHearing();

        // Read once after LISTEN: a change committed before it is in this read, any later one is notified.
        await ReadStampAsync(connection, stoppingToken);
        connected();
        logger.LogInformation("Listening for saved changes on PostgreSQL: cards check the data-version stamp without a query");
        while (!stoppingToken.IsCancellationRequested)
        {
            var heard = await connection.WaitAsync(Heartbeat, stoppingToken);
            if (!heard)
            {
                await ReadStampAsync(connection, stoppingToken);
                continue;
            }

            // A notification that arrives during the read makes it read again.
            while (Interlocked.Exchange(ref notified, 0) == 1)
            {
                await ReadStampAsync(connection, stoppingToken);
            }
        }
    }

    private async Task ReadStampAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var generation = watch.Generation;
        await using var read = new NpgsqlCommand("SELECT \"Stamp\" FROM data_version WHERE \"Id\" = 1", connection);
        var stamp = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        if (!watch.TryKeep(generation, stamp))
        {
            // This server saved a change during the read; its notification is on the way.
            logger.LogDebug("A change was saved while the stamp was read; waiting for its notification");
        }
    }
}
