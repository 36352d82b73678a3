using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Ratings;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Scorecards;
using Outcome = PmfBot.Domain.CardOutcome<PmfBot.Domain.Scorecards.SelfAssessment>;

namespace PmfBot.Bot.SelfAssessments;

/// <summary><c>selfAssessment.save</c>: the director (or performance lead) saves the period's self assessment.</summary>
public sealed class SaveSelfAssessmentAction(WriteSelfAssessment write, SelfAssessmentCard card, MessageCards messages, TimeProvider clock) : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var directorateId = request.Id("directorateId");
        if (CardInputs.PeriodOf(request) is not { } period)
        {
            return messages.Refusal("That card is out of date", "PmfBot cannot find the directorate this card is about.");
        }

        var concerns = request.Text("concerns");
        var outcome = await write.WriteAsync(new WriteSelfAssessment.Card(request.Person, directorateId, period, CardInputs.SeenVersionOf(request), concerns), cancellationToken);
        return outcome switch
        {
            Outcome.Saved saved => await card.RenderAsync(
                directorateId, period, request.Person, Notice.Good($"Self assessment saved at {CardWords.Time(saved.At)}."), cancellationToken: cancellationToken),
            Outcome.Stale stale => await card.RenderAsync(
                directorateId, ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock)), request.Person, Notice.Warning(stale.Message), cancellationToken: cancellationToken),
            Outcome.Invalid invalid => await card.RenderAsync(
                directorateId, period, request.Person, Notice.Attention("Nothing was saved: please check the field marked below."),
                new SelfAssessmentCard.Input(concerns, new Dictionary<string, string> { [invalid.Field] = invalid.Message }), cancellationToken),
            Outcome.Refused refused => await card.RenderAsync(directorateId, period, request.Person, Notice.Attention(refused.Reason), cancellationToken: cancellationToken),
            Outcome.NotAllowed notAllowed => messages.Refusal(notAllowed.Title, notAllowed.Reason),
            _ => throw new InvalidOperationException($"{outcome} is not an outcome of a self assessment."),
        };
    }
}
