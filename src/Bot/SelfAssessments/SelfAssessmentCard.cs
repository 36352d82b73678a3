using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Ratings;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.SelfAssessments;

/// <summary>
/// The self-assessment card for a director (or the directorate's performance lead): other
/// concerns for the directorate scorecard. Public so the scheduler can send it.
/// </summary>
public sealed class SelfAssessmentCard(PmfDbContext db, DirectorateScorecard scorecard, ReturnCalendar calendar, CardRenderer renderer)
{
    public const string Guidance =
        "Not every service is covered by a priority or an indicator. Add any other performance challenges or concerns the leadership team and members should know about: for example enabling projects, inspections, or pressures that affect several priorities.";

    /// <summary>What the person typed, echoed back beside the error when nothing was saved.</summary>
    public sealed record Input(string Concerns, IReadOnlyDictionary<string, string> Errors);

    private sealed record PriorityLine(string Code, string Title, Badge Rating);

    private sealed record Errors(string Concerns);

    private sealed record Data(
        string DirectorateId,
        string DirectorateName,
        string PeriodKey,
        string PeriodLabel,
        string Version,
        string DueText,
        Notice Notice,
        string ScorecardText,
        IReadOnlyList<PriorityLine> Priorities,
        string KeyIndicatorsText,
        string GuidanceText,
        string WrittenText,
        bool CanEdit,
        string Concerns,
        Errors Errors);

    public async Task<JsonObject> RenderAsync(
        Guid directorateId, Period period, Person viewer, Notice? notice = null, Input? input = null, CancellationToken cancellationToken = default)
    {
        var directorate = await db.Directorates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == directorateId, cancellationToken)
            ?? throw new PmfRuleException("That directorate no longer exists.");
        var view = await scorecard.LoadAsync(directorateId, period, cancellationToken);
        var assessment = await db.SelfAssessments.AsNoTracking()
            .SingleOrDefaultAsync(s => s.DirectorateId == directorateId && s.Period == period, cancellationToken);
        var writer = assessment?.WrittenById is { } writerId
            ? await db.People.AsNoTracking().Where(p => p.Id == writerId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var red = view.Indicators.Where(i => i.Rag == Rag.Red).ToList();
        var window = calendar.WindowFor(period);
        var errors = input?.Errors ?? new Dictionary<string, string>();
        var data = new Data(
            directorate.Id.ToString(),
            directorate.Name,
            period.Key,
            period.Label,
            (assessment?.Version ?? 0).ToString(CultureInfo.InvariantCulture),
            $"Returns for {period.Label} were signed off on {CardText.LongDate(window.SignOff)}. Add your concerns before the scorecard goes to the leadership team.",
            notice ?? Notice.None,
            $"Your scorecard so far: {CardText.Plural(view.Priorities.Count, "directorate priority", "directorate priorities")} and {CardText.Plural(view.Indicators.Count, "key indicator", "key indicators")}"
                + (view.Indicators.Count == 0 ? "." : $" ({CardWords.Results(view.Indicators).Split(": ", 2)[1]})."),
            view.Priorities.Select(p => new PriorityLine(
                p.Priority.Code,
                p.Priority.Title,
                p.Rating?.FinalRag is { } final ? Badge.Of(final) : new Badge("Not decided yet", "default"))).ToList(),
            red.Count == 0
                ? "No key indicator is red."
                : $"Red key indicators: {string.Join("; ", red.Select(r => $"{r.Indicator.Code} {r.Indicator.Title}"))}.",
            Guidance,
            assessment is { WrittenAt: { } at } && writer is not null
                ? $"Last saved by {writer} on {CardText.ShortDate(at)} at {CardText.Time(at)}."
                : "",
            SelfAssessment.MayWrite(viewer, directorate),
            input?.Concerns ?? assessment?.Concerns ?? "",
            new Errors(errors.GetValueOrDefault("concerns", "")));
        return renderer.Render("self-assessment-card", data);
    }
}
