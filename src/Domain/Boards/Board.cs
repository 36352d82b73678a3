using PmfBot.Domain.People;

namespace PmfBot.Domain.Boards;

public enum BoardKind
{
    /// <summary>A strategic partnership board that owns City Priority Plan priorities.</summary>
    StrategicPartnership,

    /// <summary>The council's own board for Council Business Plan priorities (a "Best Council" board).</summary>
    BestCouncil,

    DirectorateManagementTeam,

    /// <summary>An Overview and Scrutiny board: reads and challenges, signs off nothing.</summary>
    Scrutiny,

    /// <summary>Governance and Audit: receives compliance with the reporting arrangements.</summary>
    GovernanceAndAudit,
}

/// <summary>A board that owns priorities and signs off their ratings, or that scrutinises them.</summary>
public sealed class Board
{
    private readonly List<BoardMember> _members = [];

    private Board()
    {
    }

    public Board(Guid id, string name, BoardKind kind, Person chair)
    {
        Id = id;
        Name = string.IsNullOrWhiteSpace(name) ? throw new PmfRuleException("A board needs a name.") : name.Trim();
        Kind = kind;
        ChairId = chair.Id;
        AddMember(chair);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public BoardKind Kind { get; private set; }

    public Guid ChairId { get; private set; }

    public IReadOnlyCollection<BoardMember> Members => _members;

    /// <summary>The board's channel in Teams, where summaries are posted.</summary>
    public TeamsChannel? Channel { get; private set; }

    public bool OwnsPriorities => Kind is BoardKind.StrategicPartnership or BoardKind.BestCouncil or BoardKind.DirectorateManagementTeam;

    public bool IsScrutiny => Kind == BoardKind.Scrutiny;

    public void AddMember(Person person)
    {
        if (_members.All(m => m.PersonId != person.Id))
        {
            _members.Add(new BoardMember(Id, person.Id));
        }
    }

    public bool HasMember(Guid personId) => _members.Any(m => m.PersonId == personId);

    public void ChangeChair(Person chair)
    {
        ChairId = chair.Id;
        AddMember(chair);
    }

    public void PostTo(TeamsChannel? channel) => Channel = channel;

    /// <summary>
    /// Changes what kind of board this is. A board that owns priorities cannot become one that
    /// only scrutinises: its priorities would have no one to sign off their ratings.
    /// </summary>
    public void Reclassify(BoardKind kind, bool ownsAnyPriority)
    {
        if (ownsAnyPriority && kind is not (BoardKind.StrategicPartnership or BoardKind.BestCouncil or BoardKind.DirectorateManagementTeam))
        {
            throw new PmfRuleException($"{Name} owns priorities, so it cannot become a board that only scrutinises; move its priorities to another board first.");
        }

        Kind = kind;
    }

    public override string ToString() => Name;
}

public sealed class BoardMember
{
    private BoardMember()
    {
    }

    public BoardMember(Guid boardId, Guid personId)
    {
        BoardId = boardId;
        PersonId = personId;
    }

    public Guid BoardId { get; private set; }

    public Guid PersonId { get; private set; }
}

/// <summary>A Teams channel: the team's id and the channel's id (`19:...@thread.tacv2`).</summary>
public sealed record TeamsChannel(string TeamId, string ChannelId, string ChannelName);
