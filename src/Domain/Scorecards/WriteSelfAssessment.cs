using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Scorecards;

/// <summary>A director (or the directorate's performance lead) writes the period's self assessment.</summary>
public sealed class WriteSelfAssessment(PmfDbContext db, TimeProvider clock)
{
    /// <param name="ExpectedVersion">The version the person's card was built from (0 when none was written yet).</param>
    public sealed record Command(Guid ActorId, Guid DirectorateId, Period Period, int ExpectedVersion, string Concerns);

    public async Task<SelfAssessment> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var directorate = await db.Directorates.SingleOrDefaultAsync(d => d.Id == command.DirectorateId, cancellationToken)
            ?? throw new PmfRuleException("That directorate no longer exists.");
        var now = clock.GetUtcNow();
        var assessment = await db.SelfAssessments
            .SingleOrDefaultAsync(s => s.DirectorateId == directorate.Id && s.Period == command.Period, cancellationToken);
        if ((assessment?.Version ?? 0) != command.ExpectedVersion)
        {
            throw StaleCard.Refusal();
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
