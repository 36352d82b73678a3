namespace PmfBot.Scheduler.Graph;

/// <summary>A person as the organisation's directory (Entra ID) knows them.</summary>
public sealed record DirectoryPerson(string ObjectId, string Name, string? Email);

/// <summary>
/// The organisation's directory, through Microsoft Graph: who someone is, who their manager
/// is, and (when the council allows it) installing PmfBot for a person so it can message them.
/// </summary>
public interface IDirectory
{
    /// <summary>Whether a directory is configured; without one every lookup answers null.</summary>
    bool IsAvailable { get; }

    /// <summary>A person by email, user principal name or object id; null when the directory has no such person.</summary>
    Task<DirectoryPerson?> LookUpPersonAsync(string emailOrObjectId, CancellationToken cancellationToken = default);

    /// <summary>The person's manager; null when they have none (Graph answers 404).</summary>
    Task<DirectoryPerson?> ManagerOfAsync(string objectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Installs the Teams app for the person (Graph:InstallAppForUsers). Returns false when not
    /// configured; true when installed now or already installed.
    /// </summary>
    Task<bool> InstallAppForUserAsync(string objectId, CancellationToken cancellationToken = default);
}
