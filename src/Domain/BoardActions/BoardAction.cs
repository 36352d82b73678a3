using PmfBot.Domain.Audit;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;

namespace PmfBot.Domain.BoardActions;

public enum ActionStatus
{
    NotStarted,
    OnTrack,
    Delayed,
    Complete,
}

/// <summary>
/// An action a board asked for at its quarterly wash-up, with an owner and a due date; the owner
/// reports progress each quarter (the action tracker).
/// </summary>
public sealed class BoardAction : AuditedEntity
{
    private readonly List<ActionProgress> _progress = [];

    private BoardAction()
    {
    }

    public Guid BoardId { get; private set; }

    public Guid? PriorityId { get; private set; }

    public string Title { get; private set; } = "";

    public Guid OwnerId { get; private set; }

    public DateOnly DueDate { get; private set; }

    /// <summary>The quarter whose wash-up asked for it.</summary>
    public Period RequestedIn { get; private set; }

    public ActionStatus Status { get; private set; }

    public IReadOnlyCollection<ActionProgress> Progress => _progress;

    protected override string AuditName => "BoardAction";

    public static BoardAction Request(Guid boardId, Guid? priorityId, string title, Guid ownerId, DateOnly dueDate, Period requestedIn, Actor requestedBy, DateTimeOffset now, ActionStatus status = ActionStatus.NotStarted)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new PmfRuleException("An action needs a description of what is to be done.", "title");
        }

        var action = new BoardAction
        {
            Id = Guid.CreateVersion7(now),
            BoardId = boardId,
            PriorityId = priorityId,
            Title = title.Trim(),
            OwnerId = ownerId,
            DueDate = dueDate,
            RequestedIn = requestedIn,
            Status = status,
        };
        action.Created(requestedBy, "requested", now);
        return action;
    }

    /// <summary>
    /// The council's action tracker says something new about the action (a re-import): its owner,
    /// due date or status. Nothing changes, and nothing is audited, when it says the same.
    /// </summary>
    public void Revise(Guid ownerId, DateOnly dueDate, ActionStatus status, Actor actor, string action, DateTimeOffset now)
    {
        if (OwnerId == ownerId && DueDate == dueDate && Status == status)
        {
            return;
        }

        Change(actor, action, now, () =>
        {
            OwnerId = ownerId;
            DueDate = dueDate;
            Status = status;
        });
    }

    public bool IsOverdue(DateOnly today) => Status != ActionStatus.Complete && today > DueDate;

    public void RecordProgress(Person actor, Period period, ActionStatus status, string note, DateTimeOffset now)
    {
        if (actor.Id != OwnerId && !actor.IsPerformanceTeam)
        {
            throw new PmfRuleException("Only the action's owner can report its progress.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new PmfRuleException("Add a short note on progress.", "note");
        }

        if (note.Length > ReturnEntryLimits.MaxNoteLength)
        {
            throw new PmfRuleException($"Please keep the note under {ReturnEntryLimits.MaxNoteLength} characters.", "note");
        }

        var existing = _progress.FirstOrDefault(p => p.Period == period);
        if (existing is not null && existing.Status == status && existing.Note == note.Trim())
        {
            return;
        }

        Change(Actor.Of(actor), "reported progress", now, () =>
        {
            if (existing is null)
            {
                _progress.Add(new ActionProgress(Id, period, status, note.Trim(), actor.Id, now));
            }
            else
            {
                existing.Update(status, note.Trim(), actor.Id, now);
            }

            Status = status;
        });
    }

    protected override object Snapshot() => new
    {
        Title,
        OwnerId,
        DueDate,
        Status = Status.ToString(),
        Progress = _progress.OrderBy(p => p.Period).Select(p => new { Period = p.Period.Key, Status = p.Status.ToString(), p.Note }),
    };
}

public sealed class ActionProgress
{
    private ActionProgress()
    {
    }

    internal ActionProgress(Guid actionId, Period period, ActionStatus status, string note, Guid byId, DateTimeOffset at)
    {
        ActionId = actionId;
        Period = period;
        Update(status, note, byId, at);
    }

    public Guid ActionId { get; private set; }

    public Period Period { get; private set; }

    public ActionStatus Status { get; private set; }

    public string Note { get; private set; } = "";

    public Guid ById { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal void Update(ActionStatus status, string note, Guid byId, DateTimeOffset at)
    {
        Status = status;
        Note = note;
        ById = byId;
        At = at;
    }
}

internal static class ReturnEntryLimits
{
    public const int MaxNoteLength = 2000;
}
