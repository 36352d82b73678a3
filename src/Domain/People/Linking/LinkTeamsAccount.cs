using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Audit;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.People.Linking;

/// <summary>
/// What the authenticated Teams service says about a member (the Bot Connector's member look-up, or
/// the directory): never what a person typed.
/// </summary>
/// <param name="ObjectId">The member's Entra object id (<c>aadObjectId</c>).</param>
/// <param name="TenantId">The member's tenant as Teams gives it.</param>
public sealed record TeamsAccount(string ObjectId, string? Email, string? UserPrincipalName, string? TenantId);

/// <summary>Why a Teams account was not linked to anyone.</summary>
public enum LinkRefusalReason
{
    /// <summary>Nobody in the single data list has the account's email or user principal name.</summary>
    NoMatch,

    /// <summary>The account is in a tenant PmfBot does not serve.</summary>
    OtherTenant,

    /// <summary>The person whose email matches is already linked to another Teams account.</summary>
    PersonLinkedElsewhere,

    /// <summary>Teams gave no object id, or no email and no user principal name.</summary>
    NotEnoughKnown,
}

public abstract record LinkOutcome
{
    private LinkOutcome()
    {
    }

    /// <summary>The account is (now, or already was) this person's.</summary>
    public sealed record Linked(Person Person, bool Now) : LinkOutcome;

    /// <param name="Matched">For <see cref="LinkRefusalReason.PersonLinkedElsewhere"/>: the person the email matched.</param>
    /// <param name="PerformanceTeam">Whom to ask: the performance team's names and emails.</param>
    public sealed record Refused(LinkRefusalReason Reason, string? Email, Person? Matched, IReadOnlyList<Contact> PerformanceTeam) : LinkOutcome;
}

/// <summary>A person to ask, as shown in a refusal.</summary>
public sealed record Contact(string Name, string Email);

/// <summary>
/// Links a Teams account to the person in the single data list whose email matches it (case-insensitively;
/// the user principal name when the email matches nobody), storing its Entra object id with an audit line.
/// Only an account in an allowed tenant is linked. An object id is never moved from one person to another,
/// and a person already linked to another account is not re-linked: both are refused for a person to sort out.
/// </summary>
public sealed class LinkTeamsAccount(PmfDbContext db, TimeProvider clock)
{
    public const string AuditEntityType = "Person";
    public const string AuditAction = "linked to a Teams account";

    /// <param name="allowedTenants">The tenants PmfBot serves (compared case-insensitively).</param>
    /// <param name="source">Where the account's details came from, for the audit line ("Teams member look-up").</param>
    public async Task<LinkOutcome> LinkAsync(TeamsAccount account, IReadOnlyCollection<string> allowedTenants, string source, CancellationToken cancellationToken = default)
    {
        var objectId = account.ObjectId?.Trim().ToLowerInvariant();
        var email = Normalise(account.Email);
        var principal = Normalise(account.UserPrincipalName);
        if (string.IsNullOrEmpty(objectId) || (email is null && principal is null))
        {
            return await RefuseAsync(LinkRefusalReason.NotEnoughKnown, email ?? principal, null, cancellationToken);
        }

        if (account.TenantId is not { Length: > 0 } tenant || !allowedTenants.Any(t => !string.IsNullOrWhiteSpace(t) && string.Equals(t.Trim(), tenant.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return await RefuseAsync(LinkRefusalReason.OtherTenant, email ?? principal, null, cancellationToken);
        }

        var holder = await db.People.SingleOrDefaultAsync(p => p.EntraObjectId == objectId, cancellationToken);
        if (holder is not null)
        {
            // Already someone's: it stays theirs, whatever the email now says.
            return new LinkOutcome.Linked(holder, Now: false);
        }

        var person = (email is null ? null : await db.People.SingleOrDefaultAsync(p => p.Email == email, cancellationToken))
            ?? (principal is null || principal == email ? null : await db.People.SingleOrDefaultAsync(p => p.Email == principal, cancellationToken));
        if (person is null)
        {
            return await RefuseAsync(LinkRefusalReason.NoMatch, email ?? principal, null, cancellationToken);
        }

        if (person.EntraObjectId is not null)
        {
            return await RefuseAsync(LinkRefusalReason.PersonLinkedElsewhere, email ?? principal, person, cancellationToken);
        }

        var before = Snapshot(person, null);
        person.LinkEntraObjectId(objectId);
        db.AuditLog.Add(new AuditEntry(AuditEntityType, person.Id, AuditAction, Actor.System, clock.GetUtcNow(), before, Snapshot(person, source)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another server linked the same account at the same moment (the object id is unique): theirs stands.
            db.ChangeTracker.Clear();
            var winner = await db.People.SingleOrDefaultAsync(p => p.EntraObjectId == objectId, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new LinkOutcome.Linked(winner, Now: false);
        }

        return new LinkOutcome.Linked(person, Now: true);
    }

    /// <summary>The performance team's names and emails: whom a person PmfBot does not know should ask.</summary>
    public async Task<IReadOnlyList<Contact>> PerformanceTeamAsync(CancellationToken cancellationToken = default) =>
        (await db.People.AsNoTracking().Where(p => p.IsPerformanceTeam).OrderBy(p => p.Name).Take(5)
            .Select(p => new { p.Name, p.Email }).ToListAsync(cancellationToken))
        .Select(p => new Contact(p.Name, p.Email))
        .ToList();

    private async Task<LinkOutcome> RefuseAsync(LinkRefusalReason reason, string? email, Person? matched, CancellationToken cancellationToken) =>
        new LinkOutcome.Refused(reason, email, matched, await PerformanceTeamAsync(cancellationToken));

    private static string? Normalise(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    private static string Snapshot(Person person, string? source) =>
        JsonSerializer.Serialize(new { person.Name, person.Email, person.EntraObjectId, Source = source });
}
