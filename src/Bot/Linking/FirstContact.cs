using Microsoft.Extensions.Options;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Configuration;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Domain.People;
using PmfBot.Domain.People.Linking;

namespace PmfBot.Bot.Linking;

/// <summary>
/// The first message from a Teams account PmfBot does not know: asks Teams who that member is
/// (<c>GET /v3/conversations/{id}/members/{memberId}</c>, over the authenticated connector) and links
/// the person whose email matches (<see cref="LinkTeamsAccount"/>). Only what Teams answers is used,
/// never what the person typed. A refusal is remembered for a while (<see cref="RecentRefusals"/>) and
/// explained to the person (<see cref="UnknownSpeaker"/>).
/// </summary>
public sealed class FirstContact(
    IConnectorClient connector,
    LinkTeamsAccount link,
    RecentRefusals refusals,
    UnknownSpeaker unknown,
    IOptions<BotOptions> bot,
    IOptions<LinkingOptions> options,
    TimeProvider clock,
    ILogger<FirstContact> logger)
{
    public const string Source = "Teams member look-up";

    /// <summary>The person now linked to <paramref name="objectId"/>, or null (and the reason set on <see cref="UnknownSpeaker"/>).</summary>
    public async Task<Person?> LinkAsync(Activity activity, string objectId, CancellationToken cancellationToken)
    {
        if (refusals.Find(objectId, clock.GetUtcNow()) is { } remembered)
        {
            unknown.Reason = remembered;
            return null;
        }

        var conversationId = activity.TeamsTeamId ?? activity.Conversation.Id?.Split(';', 2)[0];
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(activity.From.Id))
        {
            return null;
        }

        TeamsChannelAccount? member;
        try
        {
            member = await connector.GetMemberAsync(activity.ServiceUrl, conversationId, activity.From.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or ConnectorNotSentException or ConnectorTokenException)
        {
            // Not remembered: Teams may answer next time.
            logger.LogWarning(ex, "Could not ask Teams who {ObjectId} is", objectId);
            unknown.Reason = new NotKnownReason(
                "PmfBot could not check who you are",
                "Teams did not tell PmfBot who you are just now, so it cannot find you in the performance framework. Please try again in a minute.");
            return null;
        }

        // The object id is the one on the authenticated activity; Teams' answer must be about the same account.
        var answered = member?.AadObjectId?.Trim().ToLowerInvariant();
        if (member is null || (answered is not null && answered != objectId))
        {
            logger.LogWarning("Teams gave no member (or another one) for {ObjectId} in {ConversationId}", objectId, conversationId);
            return Refuse(objectId, new LinkOutcome.Refused(LinkRefusalReason.NotEnoughKnown, null, null, await link.PerformanceTeamAsync(cancellationToken)));
        }

        var account = new TeamsAccount(objectId, member.Email, member.UserPrincipalName, member.TenantId ?? activity.TenantId);
        var outcome = await link.LinkAsync(account, AllowedTenants(activity), Source, cancellationToken);
        switch (outcome)
        {
            case LinkOutcome.Linked linked:
                if (linked.Now)
                {
                    logger.LogInformation("Linked Teams account {ObjectId} to {PersonId} by email", objectId, linked.Person.Id);
                }

                return linked.Person;

            case LinkOutcome.Refused { Reason: LinkRefusalReason.PersonLinkedElsewhere } refused:
                logger.LogWarning(
                    "Teams account {ObjectId} has the email of {PersonId}, who is linked to another Teams account: not moved",
                    objectId, refused.Matched?.Id);
                return Refuse(objectId, refused);

            case LinkOutcome.Refused { Reason: LinkRefusalReason.OtherTenant } refused:
                logger.LogWarning("Teams account {ObjectId} is in tenant {TenantId}, which PmfBot does not serve: not linked", objectId, account.TenantId);
                return Refuse(objectId, refused);

            case LinkOutcome.Refused refused:
                logger.LogInformation("Teams account {ObjectId} matches nobody in the single data list ({Reason})", objectId, refused.Reason);
                return Refuse(objectId, refused);

            default:
                throw new InvalidOperationException($"Unexpected link outcome {outcome}.");
        }
    }

    private Person? Refuse(string objectId, LinkOutcome.Refused refused)
    {
        var reason = Explain(refused);
        refusals.Remember(objectId, reason, clock.GetUtcNow() + options.Value.RetryLookupAfter);
        unknown.Reason = reason;
        return null;
    }

    /// <summary>The tenants PmfBot serves; in local mode (no allow-list) the activity's own.</summary>
    private IReadOnlyCollection<string> AllowedTenants(Activity activity) =>
        bot.Value.AllowedTenants is { Length: > 0 } allowed ? allowed : activity.TenantId is { } tenant ? [tenant] : [];

    private NotKnownReason Explain(LinkOutcome.Refused refused)
    {
        // "ask the performance team to add you: Pat Lead (pat.lead@council.test)", or the configured contact.
        string Ask(string what) => refused.PerformanceTeam.Count == 0
            ? $"ask {options.Value.PerformanceTeamContact} {what}."
            : $"ask the performance team {what}: {string.Join(", ", refused.PerformanceTeam.Select(c => $"{c.Name} ({c.Email})"))}.";
        return refused.Reason switch
        {
            LinkRefusalReason.NoMatch => new NotKnownReason(
                "PmfBot does not know you yet",
                $"Your Teams account ({refused.Email}) does not match anyone in the council's performance framework. "
                + $"If you own an indicator, lead a priority or sit on a board, {Ask("to add you to the single data list with this email")}"),
            LinkRefusalReason.OtherTenant => new NotKnownReason(
                "PmfBot cannot use this account",
                $"Your Teams account belongs to another organisation, so PmfBot cannot link it to the council's performance framework. Use your council account, or {Ask("for help")}"),
            LinkRefusalReason.PersonLinkedElsewhere => new NotKnownReason(
                "Your account needs a check",
                $"Your email matches {refused.Matched?.Name} in the performance framework, but that person is already linked to another Teams account. "
                + $"PmfBot does not move a link without a check, so {Ask("to sort it out")}"),
            _ => new NotKnownReason(
                "PmfBot does not know you yet",
                $"Teams did not give PmfBot your email, so it cannot find you in the performance framework: {Ask("to add you")}"),
        };
    }
}
