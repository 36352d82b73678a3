namespace PmfBot.Domain.Boards.Meetings;

/// <summary>
/// A Teams meeting chat that belongs to a board ("link board ..." said in it): when the meeting
/// starts, the board's summary for the quarter is posted there. A recurring meeting keeps one chat,
/// so one link serves every meeting of the series.
/// </summary>
public sealed class BoardMeetingChat
{
    public const int MaxConversationIdLength = 400;

    private BoardMeetingChat()
    {
    }

    public BoardMeetingChat(string conversationId, Guid boardId, Guid linkedById, DateTimeOffset linkedAt)
    {
        ConversationId = string.IsNullOrWhiteSpace(conversationId) || conversationId.Length > MaxConversationIdLength
            ? throw new PmfRuleException("Teams did not say which meeting chat this is.")
            : conversationId;
        BoardId = boardId;
        LinkedById = linkedById;
        LinkedAt = linkedAt;
    }

    /// <summary>The meeting chat's conversation id (<c>19:meeting_...@thread.v2</c>).</summary>
    public string ConversationId { get; private set; } = "";

    public Guid BoardId { get; private set; }

    public Guid LinkedById { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    public void LinkTo(Guid boardId, Guid linkedById, DateTimeOffset linkedAt)
    {
        BoardId = boardId;
        LinkedById = linkedById;
        LinkedAt = linkedAt;
    }
}

/// <summary>
/// One meeting start whose summary PmfBot has posted (or is posting): its key is unique, so a start
/// event Teams delivers twice, or to two servers, posts once.
/// </summary>
public sealed class MeetingSummaryPost
{
    public const int KeyLength = 64;

    private MeetingSummaryPost()
    {
    }

    public MeetingSummaryPost(string key, Guid boardId, string conversationId, DateTimeOffset claimedAt)
    {
        Key = key;
        BoardId = boardId;
        ConversationId = conversationId;
        ClaimedAt = claimedAt;
    }

    /// <summary>SHA-256 (hex) of the meeting id and its actual start time.</summary>
    public string Key { get; private set; } = "";

    public Guid BoardId { get; private set; }

    public string ConversationId { get; private set; } = "";

    public DateTimeOffset ClaimedAt { get; private set; }
}
