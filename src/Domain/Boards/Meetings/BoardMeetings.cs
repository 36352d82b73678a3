using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Audit;
using PmfBot.Domain.People;
using PmfBot.Domain.Search;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Boards.Meetings;

/// <summary>
/// Which board a Teams meeting belongs to, and posting its summary once per meeting start. A meeting
/// is a board's when its chat was linked to the board ("link board ..." said in the meeting chat by the
/// performance team or the board's chair, audited), or when it is a channel meeting in the board's
/// linked channel. Any other meeting belongs to no board: nothing is posted.
/// </summary>
public sealed class BoardMeetings(PmfDbContext db, FindPriority find, TimeProvider clock)
{
    public const string AuditEntityType = "Board";
    public const string AuditAction = "linked to a Teams meeting chat";

    /// <summary>The board linked, and the board the chat belonged to before (if another).</summary>
    public sealed record LinkResult(Board Board, string? PreviousBoardName);

    public async Task<LinkResult> LinkAsync(Guid actorId, string boardText, string meetingConversationId, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(actorId, cancellationToken);
        if (string.IsNullOrWhiteSpace(boardText))
        {
            throw new PmfRuleException("Say which board, for example: link board Health and Wellbeing Board.");
        }

        var found = await find.BoardAsync(boardText, cancellationToken);
        if (found.IsAmbiguous)
        {
            throw new PmfRuleException($"Which board? {string.Join("; ", found.Candidates.Select(b => b.Name))}.");
        }

        var board = found.Match ?? throw new PmfRuleException($"I could not find a board called \"{boardText}\".");
        if (!actor.IsPerformanceTeam && board.ChairId != actor.Id)
        {
            throw new PmfRuleException($"Only {board.Name}'s chair or the performance team can link its meeting. Ask them to say it in this meeting's chat.");
        }

        var chat = await db.BoardMeetingChats.SingleOrDefaultAsync(c => c.ConversationId == meetingConversationId, cancellationToken);
        string? previous = null;
        if (chat is null)
        {
            chat = new BoardMeetingChat(meetingConversationId, board.Id, actor.Id, clock.GetUtcNow());
            db.BoardMeetingChats.Add(chat);
        }
        else if (chat.BoardId != board.Id)
        {
            previous = await db.Boards.Where(b => b.Id == chat.BoardId).Select(b => b.Name).SingleOrDefaultAsync(cancellationToken);
            chat.LinkTo(board.Id, actor.Id, clock.GetUtcNow());
        }
        else
        {
            return new LinkResult(board, null);
        }

        db.AuditLog.Add(new AuditEntry(
            AuditEntityType, board.Id, AuditAction, Actor.Of(actor), clock.GetUtcNow(),
            previous is null ? null : JsonSerializer.Serialize(new { Board = previous, ConversationId = meetingConversationId }),
            JsonSerializer.Serialize(new { Board = board.Name, ConversationId = meetingConversationId })));
        await db.SaveChangesAsync(cancellationToken);
        return new LinkResult(board, previous);
    }

    /// <summary>
    /// The board whose meeting this is: the meeting chat's link first, then a board linked to the channel
    /// a channel meeting is held in (the conversation id before <c>;messageid=</c>). Null: no board's.
    /// </summary>
    public async Task<Board?> BoardOfAsync(string conversationId, string? teamsChannelId, CancellationToken cancellationToken = default)
    {
        var linked = await db.BoardMeetingChats.AsNoTracking()
            .Where(c => c.ConversationId == conversationId)
            .Select(c => (Guid?)c.BoardId)
            .SingleOrDefaultAsync(cancellationToken);
        if (linked is { } boardId)
        {
            return await db.Boards.AsNoTracking().SingleOrDefaultAsync(b => b.Id == boardId, cancellationToken);
        }

        var channelId = teamsChannelId ?? conversationId.Split(';', 2)[0];
        return (await db.Boards.AsNoTracking().ToListAsync(cancellationToken))
            .Where(b => b.Channel?.ChannelId == channelId)
            .OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault();
    }

    /// <summary>
    /// Claims the posting of one meeting start's summary: true for the first claim of that meeting id and
    /// start time, false for every later one (the event delivered again, or to another server).
    /// </summary>
    public async Task<bool> TryClaimPostAsync(string meetingId, string startedAt, Guid boardId, string conversationId, CancellationToken cancellationToken = default)
    {
        db.MeetingSummaryPosts.Add(new MeetingSummaryPost(KeyOf(meetingId, startedAt), boardId, conversationId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The key exists: someone posted (or is posting) this meeting start already.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Gives a claim back after the post failed, so the start event, delivered again, can post.</summary>
    public Task ReleasePostAsync(string meetingId, string startedAt, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(meetingId, startedAt);
        return db.MeetingSummaryPosts.Where(p => p.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    public static string KeyOf(string meetingId, string startedAt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{meetingId}\n{startedAt}")));
}
