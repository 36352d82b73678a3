namespace PmfBot.Domain.Compliance;

/// <summary>Where one return stands against its due date, for Governance and Audit.</summary>
public enum ReturnCompliance
{
    OnTime,
    Late,

    /// <summary>Not submitted and the due date has passed.</summary>
    Missing,

    /// <summary>Not submitted, but the due date has not passed yet.</summary>
    NotYetDue,
}
