using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Audit;
using PmfBot.Domain.People;
using PmfBot.Domain.Search;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Boards.Channels;

/// <summary>
/// "link board Health and Wellbeing Board", said in a channel by a member of the performance team: the
/// board's summaries go to that channel from now on. The channel is what Teams says the message came from
/// (team id, channel id, channel name), never typed; the board is found as <c>status</c> finds things.
/// Audited.
/// </summary>
public sealed class LinkBoardChannel(PmfDbContext db, FindPriority find, TimeProvider clock)
{
    public const string AuditEntityType = "Board";
    public const string AuditAction = "linked to a Teams channel";

    /// <summary>The board linked, and the board that had this channel before (if another).</summary>
    public sealed record Result(Board Board, TeamsChannel Channel, TeamsChannel? Previous, IReadOnlyList<string> AlsoPostingHere);

    public async Task<Result> LinkAsync(Guid actorId, string boardText, TeamsChannel channel, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(actorId, cancellationToken);
        if (!actor.IsPerformanceTeam)
        {
            throw new PmfRuleException("Only the performance team can link a board to a channel. Ask them to do it from this channel.");
        }

        if (string.IsNullOrWhiteSpace(channel.TeamId) || string.IsNullOrWhiteSpace(channel.ChannelId))
        {
            throw new PmfRuleException("Teams did not say which team and channel this is. Say it again in the board's channel, mentioning me.");
        }

        if (string.IsNullOrWhiteSpace(boardText))
        {
            throw new PmfRuleException("Say which board, for example: link board Health and Wellbeing Board.");
        }

        var found = await find.BoardAsync(boardText, cancellationToken);
        if (found.IsAmbiguous)
        {
            throw new PmfRuleException($"Which board? {string.Join("; ", found.Candidates.Select(b => b.Name))}.");
        }

        if (found.Match is null)
        {
            throw new PmfRuleException($"I could not find a board called \"{boardText}\".");
        }

        var board = await db.Boards.SingleAsync(b => b.Id == found.Match.Id, cancellationToken);
        var previous = board.Channel;
        if (previous != channel)
        {
            board.PostTo(channel);
            db.AuditLog.Add(new AuditEntry(AuditEntityType, board.Id, AuditAction, Actor.Of(actor), clock.GetUtcNow(), Snapshot(board.Name, previous), Snapshot(board.Name, channel)));
            await db.SaveChangesAsync(cancellationToken);
        }

        var others = (await db.Boards.AsNoTracking().Where(b => b.Id != board.Id).ToListAsync(cancellationToken))
            .Where(b => b.Channel?.ChannelId == channel.ChannelId)
            .Select(b => b.Name)
            .ToList();
        return new Result(board, channel, previous == channel ? null : previous, others);
    }

    /// <summary>The boards with no channel yet: what a team that has just added PmfBot may want to link.</summary>
    public async Task<IReadOnlyList<string>> UnlinkedBoardsAsync(CancellationToken cancellationToken = default) =>
        (await db.Boards.AsNoTracking().ToListAsync(cancellationToken))
        .Where(b => b.Channel is null)
        .Select(b => b.Name)
        .Order(StringComparer.OrdinalIgnoreCase)
        .ToList();

    private static string Snapshot(string board, TeamsChannel? channel) =>
        JsonSerializer.Serialize(new { Board = board, channel?.TeamId, channel?.ChannelId, channel?.ChannelName });
}
