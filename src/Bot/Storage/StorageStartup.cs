using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Storage;

/// <summary>Prepares the database when the host starts, before requests are served.</summary>
public sealed class StorageStartup(
    IServiceScopeFactory scopes,
    StorageOptions options,
    StorageReadiness readiness,
    ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<StorageInitialiser>().InitialiseAsync(cancellationToken);
        logger.LogInformation("Storage ready on {Store}{Created}", options.Describe(), created ? " (schema created)" : "");
        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
