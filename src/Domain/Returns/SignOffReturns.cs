using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Returns;

/// <summary>
/// A directorate's performance lead signs off its submitted returns, or sends one back. From the
/// sign-off card: who may, whether the card is stale (a fingerprint of the directorate's returns)
/// and the send-back form are checked here; the outcome is a value the bot renders.
/// </summary>
public sealed class SignOffReturns(PmfDbContext db, TimeProvider clock)
{
    public const int MaxCommentLength = 1000;

    /// <param name="SeenVersion">The fingerprint the card was built from (see <see cref="StaleCard.Fingerprint"/>).</param>
    public sealed record Request(Person Actor, Guid DirectorateId, Period Period, string SeenVersion);

    public sealed record SignedOff(Directorate Directorate, int Count);

    /// <param name="ReturnId">Null when the card's choice is not a return.</param>
    public sealed record SendBackRequest(Request Card, Guid? ReturnId, string Comment);

    public sealed record SentBack(Directorate Directorate, IndicatorReturn Return);

    /// <summary>Why <paramref name="person"/> may not see (or, <paramref name="toChange"/>, change) the directorate's sign-off; null when they may.</summary>
    public static string? WhyNotAllowed(Directorate? directorate, Person person, bool toChange) => directorate switch
    {
        null => "That directorate no longer exists.",
        _ when directorate.PerformanceLeadId != person.Id && (toChange || !person.IsPerformanceTeam) =>
            $"Only {directorate.Name}'s performance lead can sign off or send back its returns.",
        { UsesSignOff: false } => $"{directorate.Name} does not use directorate sign-off: its returns count as soon as they are submitted.",
        _ => null,
    };

    /// <summary>What is wrong with a send-back comment, or null.</summary>
    public static string? CommentProblem(string comment) =>
        string.IsNullOrWhiteSpace(comment) ? "Say what needs to change so the owner knows what to do."
        : comment.Length > MaxCommentLength ? $"The comment is {comment.Length} characters long; the most is {MaxCommentLength}."
        : null;

    public async Task<CardOutcome<SignedOff>> SignOffAllAsync(Request request, CancellationToken cancellationToken = default)
    {
        var directorate = await db.Directorates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DirectorateId, cancellationToken);
        if (WhyNotAllowed(directorate, request.Actor, toChange: true) is { } reason)
        {
            return new CardOutcome<SignedOff>.NotAllowed("That could not be done", reason);
        }

        var all = await db.Returns.AsTracking().Include(r => r.Indicator)
            .Where(r => r.Period == request.Period && r.Indicator.DirectorateId == request.DirectorateId)
            .ToListAsync(cancellationToken);
        if (StaleCard.IsStale(request.SeenVersion, StaleCard.Fingerprint(all.Select(r => (r.Id, r.Version)))))
        {
            db.ChangeTracker.Clear();
            return new CardOutcome<SignedOff>.Stale(StaleCard.Message);
        }

        var outcome = await CardOutcome<SignedOff>.TryAsync(async () =>
        {
            var submitted = all.Where(r => r.State == ReturnState.Submitted && !r.IsImported).ToList();
            var now = clock.GetUtcNow();
            submitted.ForEach(r => r.SignOff(request.Actor, directorate!, now));
            await db.SaveOrExplainAsync($"{directorate!.Name}'s {request.Period.Label} returns", cancellationToken);
            return new CardOutcome<SignedOff>.Saved(new SignedOff(directorate, submitted.Count), now);
        });
        db.ChangeTracker.Clear();
        return outcome;
    }

    public async Task<CardOutcome<SentBack>> SendBackAsync(SendBackRequest request, CancellationToken cancellationToken = default)
    {
        var card = request.Card;
        var directorate = await db.Directorates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == card.DirectorateId, cancellationToken);
        if (WhyNotAllowed(directorate, card.Actor, toChange: true) is { } reason)
        {
            return new CardOutcome<SentBack>.NotAllowed("That could not be done", reason);
        }

        var versions = await db.Returns.Where(r => r.Period == card.Period && r.Indicator.DirectorateId == card.DirectorateId)
            .Select(r => new { r.Id, r.Version }).ToListAsync(cancellationToken);
        if (StaleCard.IsStale(card.SeenVersion, StaleCard.Fingerprint(versions.Select(r => (r.Id, r.Version)))))
        {
            return new CardOutcome<SentBack>.Stale(StaleCard.Message);
        }

        if (request.ReturnId is not { } returnId)
        {
            return new CardOutcome<SentBack>.Invalid("sendBackReturnId", "Choose the return to send back.");
        }

        if (CommentProblem(request.Comment) is { } problem)
        {
            return new CardOutcome<SentBack>.Invalid("comment", problem);
        }

        var found = await db.Returns.AsTracking().Include(r => r.Indicator)
            .Where(r => r.Id == returnId)
            .Select(r => new { Return = r, r.Indicator, Directorate = db.Directorates.FirstOrDefault(d => d.Id == r.Indicator.DirectorateId) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new CardOutcome<SentBack>.Refused("That return no longer exists.");
        }

        if (found.Directorate is not { } itsDirectorate)
        {
            db.ChangeTracker.Clear();
            return new CardOutcome<SentBack>.Refused($"{found.Indicator.Code} has no directorate, so no one can send it back.");
        }

        var outcome = await CardOutcome<SentBack>.TryAsync(async () =>
        {
            var now = clock.GetUtcNow();
            found.Return.SendBack(card.Actor, itsDirectorate, request.Comment, now);
            await db.SaveOrExplainAsync($"the {found.Return.Period.Label} return for {found.Indicator.Code}", cancellationToken);
            return new CardOutcome<SentBack>.Saved(new SentBack(directorate!, found.Return), now);
        });
        db.ChangeTracker.Clear();
        return outcome;
    }

    /// <summary>Signs off every submitted return of the directorate for the period, as scripts and tests use it; returns how many.</summary>
    public async Task<int> SignOffAllAsync(Guid actorId, Guid directorateId, Period period, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(actorId, cancellationToken);
        var directorate = await db.Directorates.SingleOrDefaultAsync(d => d.Id == directorateId, cancellationToken)
            ?? throw new PmfRuleException("That directorate no longer exists.");
        var submitted = await db.Returns.Include(r => r.Indicator)
            .Where(r => r.Period == period && r.State == ReturnState.Submitted && !r.IsImported && r.Indicator.DirectorateId == directorateId)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        submitted.ForEach(r => r.SignOff(actor, directorate, now));
        await db.SaveOrExplainAsync($"{directorate.Name}'s {period.Label} returns", cancellationToken);
        return submitted.Count;
    }
}
