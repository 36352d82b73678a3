namespace PmfBot.Domain;

/// <summary>
/// A performance-framework rule was broken (an override without a reason, a negative
/// tolerance...). The message is written for the person who broke it: the bot shows it as is.
/// </summary>
public sealed class PmfRuleException : Exception
{
    public PmfRuleException(string message)
        : base(message)
    {
    }
}
