using PmfBot.Domain.Boards;
using PmfBot.Domain.People;
using PmfBot.Domain.Priorities;

namespace PmfBot.Domain.Ratings;

/// <summary>
/// Who may read a rating the chair has not decided (its proposed RAG, summary, or what the chair sent back): the
/// board that decides it (its chair and members), the priority's lead officer, and the performance team who run
/// the cycle. Anyone else reads only that it awaits the board, as the published scorecards say.
/// </summary>
public static class UndecidedRatings
{
    /// <param name="board">The priority's board, with its members loaded.</param>
    public static bool MayRead(Person reader, Board board, Priority priority) =>
        board.Id == priority.BoardId
        && (reader.IsPerformanceTeam || board.ChairId == reader.Id || board.HasMember(reader.Id) || priority.LeadOfficerId == reader.Id);
}
