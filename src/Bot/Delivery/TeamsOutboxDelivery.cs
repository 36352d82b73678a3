using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.BoardActions;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Compliance;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Ratings;
using PmfBot.Bot.Returns;
using PmfBot.Bot.SelfAssessments;
using PmfBot.Bot.Summaries;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Conversations;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Outbox;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Delivery;

namespace PmfBot.Bot.Delivery;

/// <summary>
/// The bot's side of the scheduler's delivery seam: renders the card for an outbox message's kind
/// (in a DI scope of its own) and sends it through the connector client, to the person's 1:1 chat
/// or as a new thread in the board's channel. The connector client's pipeline does the retries and
/// the pacing; what is left after them is an outcome here.
/// </summary>
public sealed class TeamsOutboxDelivery(IServiceScopeFactory scopes, IConnectorClient connector, ILogger<TeamsOutboxDelivery> logger) : IOutboxDelivery
{
    /// <summary>A rendered card and the line Teams shows in notifications.</summary>
    private sealed record Rendered(JsonObject Card, string Summary);

    public async Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            return message.PersonId is { } personId
                ? await ToPersonAsync(services, message, personId, cancellationToken)
                : message.BoardId is { } boardId
                    ? await ToBoardAsync(services, message, boardId, cancellationToken)
                    : new DeliveryOutcome.Failed($"{message.Key} has no recipient.");
        }
        catch (BotBlockedByUserException ex)
        {
            return new DeliveryOutcome.Blocked(ex.Message);
        }
        catch (Exception ex) when (NotActedOn(ex))
        {
            logger.LogWarning(ex, "Outbox message {Key} was not taken by Teams; it will be tried again", message.Key);
            return new DeliveryOutcome.TryLater(ex.Message);
        }
        catch (Exception ex) when (ex is ConnectorException or ConnectorOutcomeUnknownException)
        {
            logger.LogWarning(ex, "Outbox message {Key} was not delivered", message.Key);
            return new DeliveryOutcome.Failed(ex.Message);
        }
    }

    private async Task<DeliveryOutcome> ToPersonAsync(IServiceProvider services, OutboxMessage message, Guid personId, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PmfDbContext>();
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
            return new DeliveryOutcome.Failed($"Person {personId} no longer exists.");
        if (person.EntraObjectId is null)
            return new DeliveryOutcome.NotInstalled($"{person.Name} has never spoken to PmfBot and their Teams account is not known yet.");

        var reference = await services.GetRequiredService<ConversationReferenceStore>().FindPersonAsync(person.EntraObjectId, cancellationToken);
        if (reference is null || reference.RemovedAt is not null)
            return new DeliveryOutcome.NotInstalled($"No conversation with {person.Name}: the app is not installed for them.");

        if (await RenderAsync(services, message, person, cancellationToken) is not { } rendered)
            return new DeliveryOutcome.Failed($"unknown kind {message.Kind}");

        var serviceUrl = new Uri(reference.ServiceUrl);
        var conversationId = reference.ConversationId;
        if (conversationId is null)
        {
            if (reference.UserId is null || reference.TenantId is null)
                return new DeliveryOutcome.NotInstalled($"No 1:1 chat with {person.Name}, and not enough known to start one.");
            var created = await connector.CreatePersonalConversationAsync(serviceUrl, reference.TenantId, reference.UserId, Bot(reference), cancellationToken);
            conversationId = created.Id ?? throw new ConnectorException("create conversation", System.Net.HttpStatusCode.OK, "NoConversationId");
        }

        var sent = await connector.SendToConversationAsync(serviceUrl, conversationId, OutgoingActivity.FromCard(rendered.Card, rendered.Summary), cancellationToken);
        return new DeliveryOutcome.Sent(conversationId, sent.Id);
    }

    private async Task<DeliveryOutcome> ToBoardAsync(IServiceProvider services, OutboxMessage message, Guid boardId, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PmfDbContext>();
        var board = await db.Boards.AsNoTracking().SingleOrDefaultAsync(b => b.Id == boardId, cancellationToken);
        if (board is null)
            return new DeliveryOutcome.Failed($"Board {boardId} no longer exists.");
        if (board.Channel is null)
            return new DeliveryOutcome.Failed($"{board.Name} has no Teams channel to post to.");

        var reference = await services.GetRequiredService<ConversationReferenceStore>().FindChannelAsync(board.Channel.ChannelId, cancellationToken);
        if (reference is null || reference.RemovedAt is not null || reference.TenantId is null)
            return new DeliveryOutcome.NotInstalled($"PmfBot is not in {board.Name}'s channel {board.Channel.ChannelName}.");

        if (await RenderAsync(services, message, viewer: null, cancellationToken) is not { } rendered)
            return new DeliveryOutcome.Failed($"unknown kind {message.Kind}");

        var created = await connector.CreateChannelThreadAsync(
            new Uri(reference.ServiceUrl), reference.TenantId, reference.TeamsChannelId ?? board.Channel.ChannelId,
            OutgoingActivity.FromCard(rendered.Card, rendered.Summary), Bot(reference), cancellationToken);
        var conversationId = created.Id ?? board.Channel.ChannelId;
        return new DeliveryOutcome.Sent(conversationId, created.ActivityId);
    }

    /// <summary>
    /// Errors after which Teams has certainly not posted the message (or, for 502 and 504, which Teams
    /// asks to be retried): sending again later is safe. A 500, or no answer, may have followed a post.
    /// </summary>
    private static bool NotActedOn(Exception ex) => ex switch
    {
        ConnectorNotSentException or ConnectorTokenException => true,
        BotBlockedByUserException => false,
        ConnectorException c => c.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    private static ChannelAccount? Bot(ConversationReference reference) =>
        reference.BotId is null ? null : new ChannelAccount { Id = reference.BotId };

    /// <summary>The card for the message's kind, or null for a kind this bot does not know.</summary>
    private static async Task<Rendered?> RenderAsync(IServiceProvider services, OutboxMessage message, Person? viewer, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case OutboxKinds.ReturnsOpen or OutboxKinds.Reminder or OutboxKinds.Overdue:
            {
                var cards = services.GetRequiredService<ReturnCards>();
                var card = await cards.ForPersonAsync(viewer!, 1, Notice.None, cancellationToken);
                return new Rendered(card, NudgeSummary(message.Kind, PlannedMessage.Read<NudgePayload>(message.Payload)));
            }

            case OutboxKinds.Escalation:
                return await EscalationAsync(services, PlannedMessage.Read<NudgePayload>(message.Payload), cancellationToken);

            case OutboxKinds.AskLead or OutboxKinds.RemindLead:
            {
                var payload = PlannedMessage.Read<RatingPayload>(message.Payload);
                var card = await services.GetRequiredService<RatingCards>()
                    .ProposalCardAsync(payload.PriorityId, Period.Parse(payload.QuarterKey), viewer!, cancellationToken: cancellationToken);
                return new Rendered(card, "Please propose the priority's overall rating");
            }

            case OutboxKinds.AskChair or OutboxKinds.RemindChair:
            {
                var payload = PlannedMessage.Read<RatingPayload>(message.Payload);
                var card = await services.GetRequiredService<RatingCards>()
                    .ApprovalCardAsync(payload.PriorityId, Period.Parse(payload.QuarterKey), viewer, cancellationToken: cancellationToken);
                return new Rendered(card, "A proposed rating is waiting for your decision");
            }

            case OutboxKinds.BoardSummary:
            {
                var payload = PlannedMessage.Read<SummaryPayload>(message.Payload);
                var card = await services.GetRequiredService<SummaryCards>().BoardSummaryAsync(payload.BoardId, Period.Parse(payload.QuarterKey), cancellationToken);
                return new Rendered(card, "The board's ratings for the quarter");
            }

            case OutboxKinds.ScrutinySummary:
            {
                var payload = PlannedMessage.Read<SummaryPayload>(message.Payload);
                var card = await services.GetRequiredService<SummaryCards>().ScrutinySummaryAsync(payload.BoardId, Period.Parse(payload.QuarterKey), cancellationToken);
                return new Rendered(card, "Every board's ratings for the quarter");
            }

            case OutboxKinds.Compliance:
            {
                var payload = PlannedMessage.Read<SummaryPayload>(message.Payload);
                var card = await services.GetRequiredService<ComplianceCard>().BuildAsync(null, Period.Parse(payload.QuarterKey), 1, cancellationToken);
                return new Rendered(card, "Returns compliance for the quarter");
            }

            case OutboxKinds.SignOff:
                return await SignOffAsync(services, PlannedMessage.Read<SignOffPayload>(message.Payload), viewer!, cancellationToken);

            case OutboxKinds.SelfAssessment:
            {
                var payload = PlannedMessage.Read<SelfAssessmentPayload>(message.Payload);
                var notice = Notice.Warning($"The board meets on {CardWords.LongDate(payload.BoardMeeting)}: please add your directorate's other concerns before then.");
                var card = await services.GetRequiredService<SelfAssessmentCard>()
                    .RenderAsync(payload.DirectorateId, Period.Parse(payload.QuarterKey), viewer!, notice, cancellationToken: cancellationToken);
                return new Rendered(card, "Please add your directorate's self assessment");
            }

            case OutboxKinds.ActionAgreed:
                return await ActionAgreedAsync(services, PlannedMessage.Read<AddBoardAction.OwnerTold>(message.Payload), viewer!, cancellationToken);

            case OutboxKinds.ActionReminder or OutboxKinds.ActionOverdue:
            {
                var payload = PlannedMessage.Read<ActionPayload>(message.Payload);
                if (payload.ActionIds.Count == 0)
                    return null;
                var clock = services.GetRequiredService<TimeProvider>();
                var period = message.Period ?? ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock));
                var card = await services.GetRequiredService<ActionProgressCard>().RenderAsync(payload.ActionIds[0], period, viewer!, cancellationToken: cancellationToken);
                return new Rendered(card, message.Kind == OutboxKinds.ActionOverdue ? "A board action is overdue" : "A board action is due soon");
            }

            default:
                return null;
        }
    }

    private static string NudgeSummary(string kind, NudgePayload payload) => kind switch
    {
        OutboxKinds.ReturnsOpen => "Your performance returns are open",
        OutboxKinds.Reminder => $"Your performance returns are due on {payload.DueDate:d MMMM}",
        _ => $"Your performance returns were due on {payload.DueDate:d MMMM}",
    };

    private static async Task<Rendered> SignOffAsync(IServiceProvider services, SignOffPayload payload, Person viewer, CancellationToken cancellationToken)
    {
        var period = Period.Parse(payload.PeriodKey);
        var notice = payload.Occasion == "due"
            ? Notice.Warning($"Sign-off of {period.Label} returns is due today: returns are waiting for you.")
            : Notice.Good($"Every {period.Label} return is in: please sign them off by {CardWords.LongDate(payload.SignOffDue)}.");
        var card = await services.GetRequiredService<SignOffCards>()
            .CardAsync(viewer, payload.DirectorateId, period, 1, notice, SignOffCards.SendBackForm.Empty, cancellationToken);
        return new Rendered(card, payload.Occasion == "due" ? "Directorate sign-off is due today" : "Your directorate's returns are ready to sign off");
    }

    private static async Task<Rendered> ActionAgreedAsync(IServiceProvider services, AddBoardAction.OwnerTold payload, Person viewer, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PmfDbContext>();
        var addedBy = await db.People.AsNoTracking().Where(p => p.Id == payload.AddedById).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) ?? "the board";
        var board = await db.BoardActions.AsNoTracking().Where(a => a.Id == payload.ActionId)
            .Join(db.Boards, a => a.BoardId, b => b.Id, (a, b) => b.Name).SingleOrDefaultAsync(cancellationToken) ?? "A board";
        var quarter = ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(services.GetRequiredService<TimeProvider>()));
        var card = await services.GetRequiredService<ActionProgressCard>().RenderAsync(
            payload.ActionId, quarter, viewer, Notice.Good($"{board} agreed this action and named you its owner (added by {addedBy}). Report its progress here each quarter."), cancellationToken: cancellationToken);
        return new Rendered(card, $"{board} agreed an action for you");
    }

    private static async Task<Rendered> EscalationAsync(IServiceProvider services, NudgePayload payload, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PmfDbContext>();
        var owner = await db.People.AsNoTracking().Where(p => p.Id == payload.OwnerId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) ?? "Someone";
        var returns = await db.Returns.AsNoTracking().Include(r => r.Indicator)
            .Where(r => payload.ReturnIds.Contains(r.Id))
            .ToListAsync(cancellationToken);
        var lines = returns
            .OrderBy(r => r.Indicator.Code).ThenBy(r => r.Period)
            .Select(r => $"{r.Indicator.Code} {r.Indicator.Title}: {r.Period.Label}, {r.State}")
            .ToList();
        var card = services.GetRequiredService<MessageCards>().Choose(
            $"{owner}'s returns are overdue",
            $"{owner} has not returned {Plural(lines.Count, "indicator")} due on {payload.DueDate:d MMMM yyyy}.",
            lines,
            payload.RecipientRole == "manager"
                ? "You are told as their manager. Please follow it up with them."
                : "You are told as the directorate's performance lead.");
        return new Rendered(card, $"{owner}'s performance returns are overdue");
    }

    private static string Plural(int count, string word) => count == 1 ? $"1 {word}" : $"{count} {word}s";
}
