namespace PmfBot.Bot.Teams.Authentication;

/// <summary>
/// The clock token lifetimes are checked against: always the wall clock in the bot, never the local
/// demo's clock (which may stand on another day), because the Connector signs its tokens in real time.
/// Its own type so tests can move it without moving the council's calendar.
/// </summary>
public sealed class TokenClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
}
