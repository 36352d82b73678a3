using PmfBot.Bot.Cards;
using PmfBot.Domain.Returns;

namespace PmfBot.Bot.Returns;

/// <summary>A return's answer as the return and sign-off cards show it (formatting is <see cref="CardText"/>'s).</summary>
internal static class ReturnText
{
    public static string ValueOf(IndicatorReturn ret, string unit, bool withReason) => ret.Value is { } v
        ? CardText.Value(v, unit)
        : ret.NotAvailableReason is { } reason ? (withReason ? $"Not available: {reason}" : "Not available") : "No value";
}
