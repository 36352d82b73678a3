using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmfBot.Domain.Conversations;
using PmfBot.Domain.People.Linking;
using PmfBot.Domain.Storage;

namespace PmfBot.Scheduler.Graph;

/// <summary>
/// Before anyone has spoken to PmfBot: finds every unlinked person in the directory by their email
/// (<c>GET /users?$filter=mail eq ... or userPrincipalName eq ...</c>) and links their object id
/// (<see cref="LinkTeamsAccount"/>, audited), then, with <c>Graph:InstallAppForUsers</c>, installs PmfBot
/// for linked people PmfBot has no chat with; Teams then tells the bot of the install and the chat is
/// recorded. Safe to run twice: linked people are skipped, an install already made answers 409 (done).
/// Without Graph it does nothing: <c>cycle problems</c> lists the people PmfBot cannot reach.
/// </summary>
public sealed class ResolveTeamsAccounts(
    PmfDbContext db,
    IDirectory directory,
    LinkTeamsAccount link,
    IOptions<GraphOptions> options,
    ILogger<ResolveTeamsAccounts> logger)
{
    public const string Source = "Microsoft Graph directory";

    public sealed record Result(int Linked, int NotFound, int Refused, int Installed, int Failed);

    public async Task<Result> RunAsync(CancellationToken cancellationToken = default)
    {
        if (!directory.IsAvailable)
        {
            return new Result(0, 0, 0, 0, 0);
        }

        int linked = 0, notFound = 0, refused = 0, installed = 0, failed = 0;
        var tenant = options.Value.TenantId ?? "";
        var unlinked = await db.People.AsNoTracking().Where(p => p.EntraObjectId == null)
            .OrderBy(p => p.Email).Select(p => new { p.Id, p.Email }).ToListAsync(cancellationToken);
        foreach (var person in unlinked)
        {
            try
            {
                var found = await directory.LookUpPersonAsync(person.Email, cancellationToken);
                if (found is null)
                {
                    notFound++;
                    continue;
                }

                // The directory found the user by this address (their mail or principal name): it is Graph's word.
                var outcome = await link.LinkAsync(new TeamsAccount(found.ObjectId, found.Email, person.Email, tenant), [tenant], Source, cancellationToken);
                if (outcome is LinkOutcome.Linked { Now: true })
                {
                    linked++;
                }
                else if (outcome is LinkOutcome.Refused r)
                {
                    refused++;
                    logger.LogWarning("Directory account {ObjectId} for {PersonId} was not linked: {Reason}", found.ObjectId, person.Id, r.Reason);
                }
            }
            catch (DirectoryException ex)
            {
                failed++;
                logger.LogWarning(ex, "Could not look up {PersonId} in the directory", person.Id);
            }
        }

        if (options.Value.InstallAppForUsers)
        {
            (installed, var installFailures) = await InstallAsync(cancellationToken);
            failed += installFailures;
        }

        var result = new Result(linked, notFound, refused, installed, failed);
        if (linked + refused + installed + failed > 0)
        {
            logger.LogInformation("Teams accounts from the directory: {Result}", result);
        }

        return result;
    }

    /// <summary>Installs PmfBot for linked people it has no personal chat with.</summary>
    private async Task<(int Installed, int Failed)> InstallAsync(CancellationToken cancellationToken)
    {
        var objectIds = await db.People.AsNoTracking()
            .Where(p => p.EntraObjectId != null && !p.HasBlockedBot)
            .Where(p => !db.ConversationReferences.Any(r => r.Key == "person:" + p.EntraObjectId && r.ConversationId != null && r.RemovedAt == null))
            .Select(p => p.EntraObjectId!)
            .ToListAsync(cancellationToken);
        int installed = 0, failed = 0;
        foreach (var objectId in objectIds)
        {
            try
            {
                if (await directory.InstallAppForUserAsync(objectId, cancellationToken))
                {
                    installed++;
                }
            }
            catch (DirectoryException ex)
            {
                failed++;
                logger.LogWarning(ex, "Could not install PmfBot for {ObjectId}", objectId);
            }
        }

        return (installed, failed);
    }
}
