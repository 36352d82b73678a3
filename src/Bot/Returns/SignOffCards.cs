using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.People;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Travel;

namespace PmfBot.Bot.Returns;

/// <summary>The sign-off card: a directorate's returns for a period, for its performance lead.</summary>
public sealed class SignOffCards(PmfDbContext db, CardRenderer renderer, TimeProvider clock, ReturnCalendar calendar)
{
    public const int PageSize = 10;

    /// <summary>What the send-back form shows after an error: what was typed and the errors.</summary>
    public sealed record SendBackForm(string ReturnId, string Comment, string ReturnIdError, string CommentError)
    {
        public static SendBackForm Empty { get; } = new("", "", "", "");
    }

    /// <summary>The directorate, refusing anyone but its performance lead (or the performance team, read-only).</summary>
    public async Task<Directorate> DirectorateForAsync(Person person, Guid directorateId, bool toChange, CancellationToken cancellationToken)
    {
        var directorate = await db.Directorates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == directorateId, cancellationToken);
        return SignOffReturns.WhyNotAllowed(directorate, person, toChange) is { } reason ? throw new PmfRuleException(reason) : directorate!;
    }

    public async Task<JsonObject> CardAsync(
        Person person, Guid directorateId, Period period, int page, Notice notice, SendBackForm form, CancellationToken cancellationToken)
    {
        var directorate = await DirectorateForAsync(person, directorateId, toChange: false, cancellationToken);
        var isLead = directorate.PerformanceLeadId == person.Id;
        var all = await ReturnsOf(directorateId, period).AsNoTracking().Include(r => r.Indicator).ToListAsync(cancellationToken);
        all = all.OrderBy(r => r.Indicator.Code, StringComparer.Ordinal).ToList();
        var owners = all.Select(r => r.Indicator.OwnerId).Concat(all.Select(r => r.SubmittedById).OfType<Guid>()).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => owners.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var previousPeriod = period.Previous();
        var indicatorIds = all.Select(r => r.IndicatorId).ToList();
        var previous = await db.Returns.AsNoTracking()
            .Where(r => indicatorIds.Contains(r.IndicatorId) && r.Period == previousPeriod && (r.State == ReturnState.Submitted || r.State == ReturnState.SignedOff))
            .ToDictionaryAsync(r => r.IndicatorId, r => r.Value, cancellationToken);
        var today = UkTime.Today(clock);
        var answered = all.Where(r => r.HasAnswer).ToList();
        var waiting = all.Where(r => !r.HasAnswer).ToList();
        var submitted = answered.Count(r => r.State == ReturnState.Submitted);
        var late = waiting.Count(r => r.IsLate(today));
        var version = StaleCard.Fingerprint(all.Select(r => (r.Id, r.Version)));
        var lines = answered.Select(r => new SignOffLine(
            r.Id.ToString(),
            r.Indicator.Code,
            r.Indicator.Title,
            names.GetValueOrDefault(r.Indicator.OwnerId, ""),
            ReturnText.ValueOf(r, r.Indicator.Unit, withReason: true),
            Badge.Of(r.EffectiveRag),
            Badge.Of(TravelRule.Compare(r.Value, previous.GetValueOrDefault(r.IndicatorId), r.Indicator.Polarity)),
            r.State == ReturnState.SignedOff ? new Badge("Signed off", "good") : new Badge("Submitted", "default"),
            r.SubmittedAt is { } at
                ? $"Submitted by {names.GetValueOrDefault(r.SubmittedById ?? Guid.Empty, "someone")} on {CardText.ShortDate(at)} at {CardText.Time(at)}{(r.SubmittedLate ? " (late)" : "")}"
                : "",
            r.Commentary ?? "",
            isLead && r.State == ReturnState.Submitted)).ToList();
        var notSubmitted = waiting.Select(r => new WaitingLine(
            r.Indicator.Code,
            r.Indicator.Title,
            names.GetValueOrDefault(r.Indicator.OwnerId, ""),
            r.State == ReturnState.SentBack ? new Badge("Sent back", "attention")
                : r.IsLate(today) ? new Badge("Late", "attention")
                : r.State == ReturnState.Draft ? new Badge("Draft", "warning")
                : new Badge("Not started", "default"))).ToList();
        var signOffDue = calendar.WindowFor(period).SignOff;
        return renderer.RenderPaged("sign-off-card", PageSize, size =>
        {
            var (paging, items) = Paging.Of(lines, page, size, "submitted returns");
            return new SignOffCardData(
                directorate.Id.ToString(),
                directorate.Name,
                period.Key,
                period.Label,
                version,
                today > signOffDue ? $"Sign-off was due {CardText.LongDate(signOffDue)}." : $"Sign-off is due {CardText.LongDate(signOffDue)}.",
                $"{answered.Count} submitted · {waiting.Count} not yet submitted ({late} late)",
                notice,
                notSubmitted,
                paging.Page,
                paging.PageCount,
                paging.PreviousPage,
                paging.NextPage,
                paging.PageText,
                items,
                isLead && submitted > 0,
                submitted == 1 ? "Sign off the 1 submitted return" : $"Sign off all {submitted} submitted returns",
                items.Any(i => i.CanSendBack),
                new SendBackChoice(form.ReturnId, form.Comment),
                new SendBackErrors(form.ReturnIdError, form.CommentError));
        });
    }

    private IQueryable<IndicatorReturn> ReturnsOf(Guid directorateId, Period period) =>
        db.Returns.Where(r => r.Period == period && r.Indicator.DirectorateId == directorateId);

    private sealed record SignOffCardData(
        string DirectorateId, string DirectorateName, string PeriodKey, string PeriodLabel, string Version, string DueText, string CountsText,
        Notice Notice, IReadOnlyList<WaitingLine> NotSubmitted, int Page, int PageCount, int PreviousPage, int NextPage, string PageText,
        IReadOnlyList<SignOffLine> Returns, bool CanSignOffAll, string SignOffAllTitle, bool CanSendBack, SendBackChoice SendBack, SendBackErrors Errors);

    private sealed record WaitingLine(string Code, string Title, string OwnerName, Badge State);

    private sealed record SignOffLine(
        string ReturnId, string Code, string Title, string OwnerName, string ValueText, Badge Rag, Badge Travel, Badge State, string SavedText,
        string Commentary, bool CanSendBack);

    private sealed record SendBackChoice(string ReturnId, string Comment);

    private sealed record SendBackErrors(string ReturnId, string Comment);
}
