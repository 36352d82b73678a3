namespace PmfBot.Bot.Linking;

/// <summary>
/// Why PmfBot does not know the person it is answering in this turn (one per DI scope): set when the
/// first-contact link is refused, read by the cards that answer someone unknown, so the answer says
/// what to do instead of a generic "not known".
/// </summary>
public sealed class UnknownSpeaker
{
    public NotKnownReason? Reason { get; set; }
}

/// <summary>The answer for someone PmfBot could not link: a title and what to do.</summary>
public sealed record NotKnownReason(string Title, string Text);
