namespace PmfBot.Domain;

/// <summary>
/// The one exception a broken rule raises. Its message is written for the person who tried:
/// it is shown on the card or in chat as it is. <see cref="Field"/> names the card input the
/// problem is about, when there is one, so the card can show it next to that input.
/// </summary>
public sealed class PmfRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
