using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Audit;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Outbox;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.BoardActions;

/// <summary>
/// A board agrees an action at its meeting: the chair (or the performance team) adds it with a
/// title, an owner and a due date, and the owner is told through the outbox in the same save.
/// </summary>
public sealed partial class AddBoardAction(PmfDbContext db, TimeProvider clock)
{
    public const string OutboxKind = "action.Agreed";
    public const int MaxTitleLength = 500;

    /// <summary>How far ahead a due date may be: further is almost always a typo in the year.</summary>
    public const int MaxYearsAhead = 3;

    /// <param name="OwnerId">Chosen from the board's people, or null.</param>
    /// <param name="OwnerEmail">Typed instead, or "".</param>
    /// <param name="DueDate">Null when none was given or it was not a date.</param>
    /// <param name="PriorityId">The priority it serves, or null for the board as a whole.</param>
    public sealed record Command(
        Guid ActorId, Guid BoardId, Period RequestedIn, string Title, Guid? OwnerId, string OwnerEmail, DateOnly? DueDate, Guid? PriorityId);

    /// <summary>The outbox payload telling the owner (the bot reads it back by this name).</summary>
    public sealed record OwnerTold(Guid ActionId, Guid OwnerId, Guid AddedById);

    /// <summary>Whether the person may add actions to the board: its chair or the performance team.</summary>
    public static bool MayAdd(Person person, Board board) => person.Id == board.ChairId || person.IsPerformanceTeam;

    public sealed record Added(BoardAction Action, Person Owner);

    /// <summary>
    /// From the summary card's form: the person is refused outright (not the chair or the
    /// performance team, a scrutiny board, a card not for a quarter), or every problem with the
    /// fields comes back at once ("title", "owner", "dueDate", "priorityId"), or the action is
    /// added and its owner told.
    /// </summary>
    public async Task<CardOutcome<Added>> AddAsync(Person actor, Command command, CancellationToken cancellationToken = default)
    {
        var outcome = await CardOutcome<Added>.TryAsync(async () =>
        {
            var (owner, problems) = await ResolveAsync(actor, command, cancellationToken);
            if (problems.Count > 0)
            {
                return new CardOutcome<Added>.InvalidFields(problems.GroupBy(p => p.Field ?? "").ToDictionary(g => g.Key, g => g.First().Message));
            }

            var action = await SaveAsync(actor, owner!, command, cancellationToken);
            return new CardOutcome<Added>.Saved(new Added(action, owner!), clock.GetUtcNow());
        });
        if (outcome is not CardOutcome<Added>.Saved)
        {
            db.ChangeTracker.Clear();
        }

        return outcome;
    }

    /// <summary>Every problem with the command's fields, as tests check them; someone not allowed is refused outright (thrown).</summary>
    public async Task<IReadOnlyList<PmfRuleException>> CheckAsync(Command command, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        return (await ResolveAsync(actor, command, cancellationToken)).Problems;
    }

    /// <summary>As scripts and tests add one: the first problem is thrown, with its field.</summary>
    public async Task<BoardAction> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var (owner, problems) = await ResolveAsync(actor, command, cancellationToken);
        if (problems.Count > 0)
        {
            throw problems[0];
        }

        return await SaveAsync(actor, owner!, command, cancellationToken);
    }

    private async Task<BoardAction> SaveAsync(Person actor, Person owner, Command command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var action = BoardAction.Request(command.BoardId, command.PriorityId, command.Title, owner.Id, command.DueDate!.Value, command.RequestedIn, Actor.Of(actor), now);
        db.BoardActions.Add(action);
        db.Outbox.Add(OutboxMessage.ToPerson(
            $"{OutboxKind}:{action.Id:N}", OutboxKind, owner.Id, command.RequestedIn,
            JsonSerializer.Serialize(new OwnerTold(action.Id, owner.Id, actor.Id), new JsonSerializerOptions(JsonSerializerDefaults.Web)), now));
        await db.SaveOrExplainAsync($"the action \"{action.Title}\"", cancellationToken);
        return action;
    }

    /// <summary>
    /// People to offer as owners: the board's members and chair, its priorities' lead officers and
    /// their indicators' owners, by name. Anyone else PmfBot knows can be typed by email.
    /// </summary>
    public async Task<IReadOnlyList<Person>> PeopleOfAsync(Guid boardId, CancellationToken cancellationToken = default)
    {
        var board = await db.Boards.AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == boardId, cancellationToken);
        if (board is null)
        {
            return [];
        }

        var priorities = await db.Priorities.AsNoTracking().Where(p => p.BoardId == boardId).Select(p => new { p.Id, p.LeadOfficerId }).ToListAsync(cancellationToken);
        var priorityIds = priorities.Select(p => p.Id).ToList();
        var owners = await db.Indicators.AsNoTracking()
            .Where(i => i.Priorities.Any(link => priorityIds.Contains(link.PriorityId)))
            .Select(i => i.OwnerId).Distinct().ToListAsync(cancellationToken);
        var ids = board.Members.Select(m => m.PersonId).Append(board.ChairId).Concat(priorities.Select(p => p.LeadOfficerId)).Concat(owners).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return people.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private async Task<(Person? Owner, List<PmfRuleException> Problems)> ResolveAsync(Person actor, Command command, CancellationToken cancellationToken)
    {
        var board = await db.Boards.AsNoTracking().SingleOrDefaultAsync(b => b.Id == command.BoardId, cancellationToken)
            ?? throw new PmfRuleException("That board no longer exists.");
        if (!MayAdd(actor, board))
        {
            throw new PmfRuleException($"Only {board.Name}'s chair or the performance team can add its actions.");
        }

        if (!board.OwnsPriorities)
        {
            throw new PmfRuleException($"{board.Name} scrutinises; actions are agreed by the boards that own priorities.");
        }

        if (command.RequestedIn.Kind != PeriodKind.Quarter)
        {
            throw new PmfRuleException("Actions are agreed at a quarter's board meeting; this card is not for a quarter.");
        }

        var problems = new List<PmfRuleException>();
        var title = command.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            problems.Add(new("Say what is to be done.", "title"));
        }
        else if (title.Length > MaxTitleLength)
        {
            problems.Add(new($"The action is {title.Length} characters long; the most is {MaxTitleLength}.", "title"));
        }
        else if (MarkupPattern().IsMatch(title) || title.Any(char.IsControl))
        {
            problems.Add(new("The action must be plain text on one line: please remove any markup (such as <b>).", "title"));
        }

        var (owner, ownerProblem) = await OwnerAsync(command, cancellationToken);
        if (ownerProblem is not null)
        {
            problems.Add(ownerProblem);
        }

        var today = UkTime.Today(clock);
        if (command.DueDate is not { } due)
        {
            problems.Add(new("Choose the date the action is due.", "dueDate"));
        }
        else if (due < today)
        {
            problems.Add(new("That date has passed: choose today or a later date.", "dueDate"));
        }
        else if (due > today.AddYears(MaxYearsAhead))
        {
            problems.Add(new($"Choose a due date within {MaxYearsAhead} years.", "dueDate"));
        }

        if (command.PriorityId is { } priorityId
            && !await db.Priorities.AsNoTracking().AnyAsync(p => p.Id == priorityId && p.BoardId == board.Id, cancellationToken))
        {
            problems.Add(new($"That priority is not one of {board.Name}'s.", "priorityId"));
        }

        return (owner, problems);
    }

    private async Task<(Person? Owner, PmfRuleException? Problem)> OwnerAsync(Command command, CancellationToken cancellationToken)
    {
        var email = command.OwnerEmail?.Trim() ?? "";
        if (email.Length == 0)
        {
            if (command.OwnerId is not { } ownerId)
            {
                return (null, new("Choose who owns the action, or type their email.", "owner"));
            }

            var chosen = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == ownerId, cancellationToken);
            return chosen is null ? (null, new("PmfBot no longer knows the person chosen: choose someone else.", "owner")) : (chosen, null);
        }

        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            return (null, new($"\"{email}\" is not an email address.", "owner"));
        }

        var lower = email.ToLowerInvariant();
        var typed = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Email == lower, cancellationToken);
        if (typed is null)
        {
            return (null, new($"PmfBot does not know anyone with the email {email}. Choose someone from the list, or ask the performance team to add them.", "owner"));
        }

        return command.OwnerId is { } other && other != typed.Id
            ? (null, new("Choose an owner or type an email, not both.", "owner"))
            : (typed, null);
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!][^>]*>")]
    private static partial Regex MarkupPattern();
}
