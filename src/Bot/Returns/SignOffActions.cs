using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Returns;

/// <summary>
/// The sign-off card's buttons: sign off all, send one back. Only the directorate's performance
/// lead (from the person Teams says clicked); a card built from returns that changed since is
/// answered with the current card and changes nothing.
/// </summary>
public sealed class SignOffActions(
    PmfDbContext db, CardRenderer renderer, TimeProvider clock, ReturnCalendar calendar, SignOffReturns signOff, ILogger<SignOffActions> logger)
    : ICardAction
{
    public const string All = "signoff.all";
    public const string SendBack = "signoff.sendBack";
    public const int MaxCommentLength = 1000;

    private static readonly Notice OutOfDate = Notice.Warning("This card was out of date; here is the latest. Nothing was changed.");

    private readonly SignOffCards _cards = new(db, renderer, clock, calendar);

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var directorateId = request.Id("directorateId");
        if (!Period.TryParse(request.Text("periodKey"), out var period))
        {
            throw new PmfRuleException("This card does not say which period it is for. Ask the performance team for a new sign-off card.");
        }

        var page = request.Number("page", 1);
        var directorate = await _cards.DirectorateForAsync(request.Person, directorateId, toChange: true, cancellationToken);
        if (request.Text("version") != await _cards.VersionAsync(directorateId, period, cancellationToken))
        {
            return await _cards.CardAsync(request.Person, directorateId, period, page, OutOfDate, SignOffCards.SendBackForm.Empty, cancellationToken);
        }

        JsonObject card;
        if (request.Verb.Equals(All, StringComparison.OrdinalIgnoreCase))
        {
            var count = await signOff.SignOffAllAsync(request.Person.Id, directorateId, period, cancellationToken);
            card = await _cards.CardAsync(
                request.Person, directorateId, period, page,
                Notice.Good($"Signed off {CardText.Plural(count, "return", "returns")} for {directorate.Name} at {CardText.Time(clock.GetUtcNow())}."),
                SignOffCards.SendBackForm.Empty, cancellationToken);
        }
        else
        {
            var form = Validate(request.Text("sendBackReturnId"), request.Text("sendBackComment"));
            if (form.ReturnIdError.Length > 0 || form.CommentError.Length > 0)
            {
                return await _cards.CardAsync(request.Person, directorateId, period, page, Notice.Attention("Nothing was sent back: see below."), form, cancellationToken);
            }

            IndicatorReturn sent;
            try
            {
                sent = await signOff.SendBackAsync(request.Person.Id, Guid.Parse(form.ReturnId), form.Comment, cancellationToken);
            }
            catch (PmfRuleException refused) when (refused.Field is "comment")
            {
                return await _cards.CardAsync(
                    request.Person, directorateId, period, page, Notice.Attention("Nothing was sent back: see below."), form with { CommentError = refused.Message }, cancellationToken);
            }

            card = await _cards.CardAsync(
                request.Person, directorateId, period, page,
                Notice.Good($"{sent.Indicator.Code} was sent back with your comment. Its owner will see it on their return card; PmfBot sends them the card with the next reminder."),
                SignOffCards.SendBackForm.Empty, cancellationToken);
        }

        await UpdateOriginalAsync(request, card, cancellationToken);
        return card;
    }

    private static SignOffCards.SendBackForm Validate(string returnId, string comment)
    {
        var idError = Guid.TryParse(returnId, out _) ? "" : "Choose the return to send back.";
        var commentError = string.IsNullOrWhiteSpace(comment)
            ? "Say what needs to change so the owner knows what to do."
            : comment.Length > MaxCommentLength ? $"The comment is {comment.Length} characters long; the most is {MaxCommentLength}." : "";
        return new SignOffCards.SendBackForm(returnId, comment, idError, commentError);
    }

    /// <summary>Everyone who sees the original message sees the outcome; best effort, the change is already saved.</summary>
    private async Task UpdateOriginalAsync(CardActionRequest request, JsonObject card, CancellationToken cancellationToken)
    {
        if (request.Activity.ReplyToId is not { Length: > 0 } replyToId || request.Activity.Conversation.Id is not { Length: > 0 } conversationId)
        {
            return;
        }

        try
        {
            await request.Connector.UpdateActivityAsync(
                request.Activity.ServiceUrl, conversationId, replyToId,
                new OutgoingActivity { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            logger.LogWarning(ex, "Could not update the sign-off card {ReplyToId} in conversation {ConversationId}", replyToId, conversationId);
        }
    }
}
