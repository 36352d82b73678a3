namespace PmfBot.Domain.Exceptions;

/// <summary>One reason an indicator is an exception, with a line a scrutiny member can read.</summary>
public sealed record IndicatorException(ExceptionKind Kind, string Reason);
