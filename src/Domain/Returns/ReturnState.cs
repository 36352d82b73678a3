using PmfBot.Domain.RagRatings;
namespace PmfBot.Domain.Returns;

/// <summary>
/// Where a return is in the quarter. "Late" is not a state of its own: a return is late when it
/// is still open, draft or sent back after its due date (see <see cref="IndicatorReturn.IsLate"/>).
/// </summary>
public enum ReturnState
{
    Open,
    Draft,
    Submitted,
    SignedOff,
    SentBack,
}
