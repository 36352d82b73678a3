using PmfBot.Bot.Conversation;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.RagRatings;

namespace PmfBot.Bot.Ratings;

/// <summary>Reading what a ratings card sent: its period, version and rating choices.</summary>
internal static class CardInputs
{
    /// <summary>The card's period, or null when the card does not say a valid one.</summary>
    public static Period? PeriodOf(CardActionRequest request) =>
        Period.TryParse(request.Text("periodKey"), out var period) ? period : null;

    /// <summary>The card's version, or -1 when it carries none (so it always counts as stale).</summary>
    public static int VersionOf(CardActionRequest request) =>
        int.TryParse(request.Text("version"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;

    /// <summary>The card's version, or null when it carries none (so it always counts as stale).</summary>
    public static int? SeenVersionOf(CardActionRequest request) => VersionOf(request) is >= 0 and var version ? version : null;

    /// <summary>An overall rating as the cards' choice sets send it: Green, Amber or Red.</summary>
    public static Rag? RagOf(string text) => text.Trim() switch
    {
        "Green" => Rag.Green,
        "Amber" => Rag.Amber,
        "Red" => Rag.Red,
        _ => null,
    };
}
