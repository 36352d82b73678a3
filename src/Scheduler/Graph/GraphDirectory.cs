using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace PmfBot.Scheduler.Graph;

/// <summary>A directory failure (Graph unreachable, refused, or still throttling after its retries).</summary>
public sealed class DirectoryException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// <see cref="IDirectory"/> on Microsoft Graph v1.0 with the app's own identity (client
/// credentials). Answers are cached; Graph's retry handler (in the HTTP pipeline) waits out a
/// 429 as its Retry-After asks before the call fails.
/// </summary>
internal sealed class GraphDirectory(GraphServiceClient graph, IMemoryCache cache, IOptions<GraphOptions> options, ILogger<GraphDirectory> logger) : IDirectory
{
    private static readonly string[] PersonFields = ["id", "displayName", "mail", "userPrincipalName"];

    public bool IsAvailable => true;

    public Task<DirectoryPerson?> LookUpPersonAsync(string emailOrObjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailOrObjectId);
        var id = emailOrObjectId.Trim().ToLowerInvariant();
        return CachedAsync("person:" + id, async () =>
        {
            if (!id.Contains('@'))
            {
                return ToPerson(await graph.Users[id].GetAsync(r => r.QueryParameters.Select = PersonFields, cancellationToken));
            }

            var quoted = id.Replace("'", "''", StringComparison.Ordinal);
            var found = await graph.Users.GetAsync(
                r =>
                {
                    r.QueryParameters.Filter = $"mail eq '{quoted}' or userPrincipalName eq '{quoted}'";
                    r.QueryParameters.Select = PersonFields;
                    r.QueryParameters.Top = 2;
                },
                cancellationToken);
            return ToPerson(found?.Value?.FirstOrDefault());
        });
    }

    public Task<DirectoryPerson?> ManagerOfAsync(string objectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectId);
        var id = objectId.Trim().ToLowerInvariant();
        return CachedAsync("manager:" + id, async () =>
            ToPerson(await graph.Users[id].Manager.GetAsync(r => r.QueryParameters.Select = PersonFields, cancellationToken) as User));
    }

    public async Task<bool> InstallAppForUserAsync(string objectId, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.InstallAppForUsers || string.IsNullOrWhiteSpace(settings.TeamsAppId))
        {
            return false;
        }

        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{settings.TeamsAppId}",
            },
        };
        try
        {
            await graph.Users[objectId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: cancellationToken);
            logger.LogInformation("Installed the Teams app for {ObjectId}", objectId);
            return true;
        }
        catch (ApiException ex) when (ex.ResponseStatusCode == 409)
        {
            return true;
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException)
        {
            throw new DirectoryException($"Graph could not install the Teams app for {objectId}.", ex);
        }
    }

    private async Task<DirectoryPerson?> CachedAsync(string key, Func<Task<DirectoryPerson?>> lookUp)
    {
        var cacheKey = "pmf-graph:" + key;
        if (cache.TryGetValue(cacheKey, out DirectoryPerson? known))
        {
            return known;
        }

        DirectoryPerson? answer;
        try
        {
            answer = await lookUp();
        }
        catch (ODataError ex) when (ex.ResponseStatusCode == 404)
        {
            answer = null;
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException)
        {
            throw new DirectoryException($"Graph could not answer ({key}).", ex);
        }

        // Failures are not cached; a known "nobody" is.
        cache.Set(cacheKey, answer, options.Value.CacheFor);
        return answer;
    }

    private static DirectoryPerson? ToPerson(User? user) =>
        user?.Id is { Length: > 0 } id
            ? new DirectoryPerson(id.ToLowerInvariant(), user.DisplayName ?? user.Mail ?? user.UserPrincipalName ?? id, (user.Mail ?? user.UserPrincipalName)?.ToLowerInvariant())
            : null;
}

/// <summary>No directory configured (the embedded default): nobody is found, nothing is installed.</summary>
internal sealed class NoDirectory : IDirectory
{
    public bool IsAvailable => false;

    public Task<DirectoryPerson?> LookUpPersonAsync(string emailOrObjectId, CancellationToken cancellationToken = default) => Task.FromResult<DirectoryPerson?>(null);

    public Task<DirectoryPerson?> ManagerOfAsync(string objectId, CancellationToken cancellationToken = default) => Task.FromResult<DirectoryPerson?>(null);

    public Task<bool> InstallAppForUserAsync(string objectId, CancellationToken cancellationToken = default) => Task.FromResult(false);
}
