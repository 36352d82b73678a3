namespace PmfBot.Domain.Travel;

/// <summary>Direction of travel of one return, as council reports show it: two arrows.</summary>
public sealed record TravelAssessment(
    DirectionOfTravel AgainstPreviousPeriod,
    DirectionOfTravel AgainstSamePeriodLastYear);
