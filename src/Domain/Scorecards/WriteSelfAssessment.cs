using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Scorecards;

/// <summary>A director (or the directorate's performance lead) writes the current quarter's self assessment.</summary>
public sealed class WriteSelfAssessment(PmfDbContext db, TimeProvider clock)
{
    /// <param name="SeenVersion">The version the person's card was built from (0 when none was written yet; null when the card says none).</param>
    public sealed record Card(Person Actor, Guid DirectorateId, Period Period, int? SeenVersion, string Concerns);

    public async Task<CardOutcome<SelfAssessment>> WriteAsync(Card card, CancellationToken cancellationToken = default)
    {
        var directorate = await db.Directorates.AsTracking().SingleOrDefaultAsync(d => d.Id == card.DirectorateId, cancellationToken);
        if (directorate is null)
        {
            return new CardOutcome<SelfAssessment>.NotAllowed("That card is out of date", "PmfBot cannot find the directorate this card is about.");
        }

        if (!SelfAssessment.MayWrite(card.Actor, directorate))
        {
            return new CardOutcome<SelfAssessment>.NotAllowed(
                "You cannot write this self assessment", $"Only {directorate.Name}'s director or performance lead can write its self assessment.");
        }

        var assessment = await db.SelfAssessments.AsTracking()
            .SingleOrDefaultAsync(s => s.DirectorateId == directorate.Id && s.Period == card.Period, cancellationToken);
        if (card.Period != ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock)) || StaleCard.IsStale(card.SeenVersion, assessment?.Version ?? 0))
        {
            return new CardOutcome<SelfAssessment>.Stale(StaleCard.Message);
        }

        return await CardOutcome<SelfAssessment>.TryAsync(async () =>
        {
            var now = clock.GetUtcNow();
            if (assessment is null)
            {
                assessment = SelfAssessment.For(directorate, card.Period, now);
                db.SelfAssessments.Add(assessment);
            }

            assessment.Write(card.Actor, directorate, card.Concerns, now);
            await db.SaveOrExplainAsync($"{directorate.Name}'s self assessment", cancellationToken);
            return new CardOutcome<SelfAssessment>.Saved(assessment, now);
        });
    }

    /// <summary>As scripts and tests use it, for any period: the refusal is thrown, with its field.</summary>
    public sealed record Command(Guid ActorId, Guid DirectorateId, Period Period, int ExpectedVersion, string Concerns);

    public async Task<SelfAssessment> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var directorate = await db.Directorates.AsTracking().SingleOrDefaultAsync(d => d.Id == command.DirectorateId, cancellationToken)
            ?? throw new PmfRuleException("That directorate no longer exists.");
        var now = clock.GetUtcNow();
        var assessment = await db.SelfAssessments.AsTracking()
            .SingleOrDefaultAsync(s => s.DirectorateId == directorate.Id && s.Period == command.Period, cancellationToken);
        if (StaleCard.IsStale(command.ExpectedVersion, assessment?.Version ?? 0))
        {
            throw new PmfRuleException(StaleCard.Message);
        }

        if (assessment is null)
        {
            assessment = SelfAssessment.For(directorate, command.Period, now);
            db.SelfAssessments.Add(assessment);
        }

        assessment.Write(actor, directorate, command.Concerns, now);
        await db.SaveOrExplainAsync($"{directorate.Name}'s self assessment", cancellationToken);
        return assessment;
    }
}
