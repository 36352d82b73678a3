using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Scorecards;

/// <summary>
/// Whoever answers a directorate's self assessment (<see cref="SelfAssessment.AnsweredBy"/>) gets
/// the self-assessment card once a quarter, before the board meeting: on the day
/// <see cref="DayOf"/> gives, unless it is already written.
/// </summary>
public sealed class SelfAssessmentsDue(PmfDbContext db, ReturnCalendar calendar, NudgePolicy policy)
{
    public sealed record Ask(Guid DirectorateId, Guid AnsweredById, Period Quarter, DateOnly Day, DateOnly BoardMeeting)
    {
        public string Key => $"selfAssessment.ask:{DirectorateId:N}:{Quarter.Key}";
    }

    /// <summary>
    /// <see cref="NudgePolicy.SelfAssessmentWorkingDaysBeforeBoardMeeting"/> before the board meeting,
    /// but not before sign-off is due: the card shows the signed-off scorecard.
    /// </summary>
    public static DateOnly DayOf(QuarterCycle cycle, ReturnCalendar calendar, NudgePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        var day = calendar.WorkingDays.Before(cycle.BoardMeeting, policy.SelfAssessmentWorkingDaysBeforeBoardMeeting);
        return day < cycle.Window.SignOff ? cycle.Window.SignOff : day;
    }

    public async Task<IReadOnlyList<Ask>> BetweenAsync(QuarterCycle cycle, DateOnly after, DateOnly upTo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var day = DayOf(cycle, calendar, policy);
        if (day <= after || day > upTo)
        {
            return [];
        }

        var written = await db.SelfAssessments.AsNoTracking()
            .Where(s => s.Period == cycle.Quarter && s.WrittenAt != null)
            .Select(s => s.DirectorateId)
            .ToListAsync(cancellationToken);
        var directorates = await db.Directorates.AsNoTracking().ToListAsync(cancellationToken);
        return directorates
            .Where(d => !written.Contains(d.Id))
            .Select(d => (Directorate: d, AnsweredBy: SelfAssessment.AnsweredBy(d)))
            .Where(d => d.AnsweredBy is not null)
            .Select(d => new Ask(d.Directorate.Id, d.AnsweredBy!.Value, cycle.Quarter, day, cycle.BoardMeeting))
            .OrderBy(a => a.DirectorateId)
            .ToList();
    }
}
