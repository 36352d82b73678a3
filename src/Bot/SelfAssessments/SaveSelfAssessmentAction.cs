using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Ratings;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.SelfAssessments;

/// <summary><c>selfAssessment.save</c>: the director (or performance lead) saves the period's self assessment.</summary>
public sealed class SaveSelfAssessmentAction(
    PmfDbContext db, WriteSelfAssessment write, SelfAssessmentCard card, MessageCards messages, TimeProvider clock) : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var directorateId = request.Id("directorateId");
        var directorate = await db.Directorates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == directorateId, cancellationToken);
        if (directorate is null || CardInputs.PeriodOf(request) is not { } period)
        {
            return messages.Refusal("That card is out of date", "PmfBot cannot find the directorate this card is about.");
        }

        if (!SelfAssessment.MayWrite(request.Person, directorate))
        {
            return messages.Refusal(
                "You cannot write this self assessment",
                $"Only {directorate.Name}'s director or performance lead can write its self assessment.");
        }

        var current = ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock));
        if (period != current)
        {
            return await card.RenderAsync(directorateId, current, request.Person, Notice.Warning(StaleCard.Message), cancellationToken: cancellationToken);
        }

        var concerns = request.Text("concerns");
        try
        {
            await write.HandleAsync(
                new WriteSelfAssessment.Command(request.Person.Id, directorateId, period, CardInputs.VersionOf(request), concerns), cancellationToken);
            return await card.RenderAsync(
                directorateId, period, request.Person, Notice.Good($"Self assessment saved at {CardWords.Time(clock.GetUtcNow())}."), cancellationToken: cancellationToken);
        }
        catch (PmfRuleException refused) when (refused.Field is { Length: > 0 } field && !refused.IsStale())
        {
            db.ChangeTracker.Clear();
            return await card.RenderAsync(
                directorateId,
                period,
                request.Person,
                Notice.Attention("Nothing was saved: please check the field marked below."),
                new SelfAssessmentCard.Input(concerns, new Dictionary<string, string> { [field] = refused.Message }),
                cancellationToken);
        }
        catch (PmfRuleException refused)
        {
            db.ChangeTracker.Clear();
            return await card.RenderAsync(directorateId, period, request.Person, Notice.Attention(refused.Message), cancellationToken: cancellationToken);
        }
    }
}
