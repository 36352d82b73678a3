using System.Collections.Concurrent;
using PmfBot.Scheduler.Graph;

namespace PmfBot.Scheduler.Tests.Support;

/// <summary>A directory that knows the managers it is told, and records installs.</summary>
public sealed class FakeDirectory : IDirectory
{
    public ConcurrentDictionary<string, DirectoryPerson> People { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<string, DirectoryPerson> Managers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Installed { get; } = new();

    public bool CanInstall { get; set; }

    public bool IsAvailable => true;

    public Task<DirectoryPerson?> LookUpPersonAsync(string emailOrObjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(People.GetValueOrDefault(emailOrObjectId));

    public Task<DirectoryPerson?> ManagerOfAsync(string objectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Managers.GetValueOrDefault(objectId));

    public Task<bool> InstallAppForUserAsync(string objectId, CancellationToken cancellationToken = default)
    {
        if (CanInstall)
        {
            Installed.Enqueue(objectId);
        }

        return Task.FromResult(CanInstall);
    }
}
