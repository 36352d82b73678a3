using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Dashboard;

/// <summary>The signed-in person is someone PmfBot knows as a member of the performance team.</summary>
public sealed class PerformanceTeamRequirement : IAuthorizationRequirement
{
    public const string PolicyName = "PmfBot.PerformanceTeam";
}

/// <summary>
/// Finds the signed-in person among PmfBot's people: by Entra object id (`oid`), the id Teams gives too;
/// when no person is linked to that id yet, by user name (`preferred_username`) among people not linked to
/// any id, so a linked person can never be claimed through a user name. The sign-in must come from the
/// council's tenant (`tid`). Checked on every request: taking someone off the performance team takes the
/// dashboard away at once, without waiting for their sign-in to run out.
/// </summary>
internal sealed class PerformanceTeamHandler(PmfDbContext db, IOptions<DashboardSignInOptions> options, ILogger<PerformanceTeamHandler> logger)
    : AuthorizationHandler<PerformanceTeamRequirement>
{
    private const string ObjectIdLong = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string TenantIdLong = "http://schemas.microsoft.com/identity/claims/tenantid";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PerformanceTeamRequirement requirement)
    {
        var user = context.User;
        var tenant = Claim(user, "tid", TenantIdLong);
        if (user.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (!string.Equals(tenant, options.Value.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Refused the scheduler dashboard to a sign-in from tenant {TenantId}, not the council's", tenant);
            return;
        }

        var objectId = Claim(user, "oid", ObjectIdLong)?.ToLowerInvariant();
        var userName = Claim(user, "preferred_username")?.ToLowerInvariant();
        var person = objectId is null ? null : await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.EntraObjectId == objectId);
        if (person is null && userName is not null)
        {
            person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.EntraObjectId == null && p.Email == userName);
        }

        if (person?.IsPerformanceTeam == true)
        {
            context.Succeed(requirement);
            return;
        }

        logger.LogInformation(
            "Refused the scheduler dashboard to Entra object {ObjectId}: {Reason}",
            objectId, person is null ? "not someone PmfBot knows" : "not on the performance team");
    }

    private static string? Claim(ClaimsPrincipal user, params string[] types) =>
        types.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
