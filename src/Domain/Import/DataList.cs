using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Plans;

namespace PmfBot.Domain.Import;

/// <summary>
/// What a checked single data list says, one entry per thing (not per row), keyed by its
/// natural key: email, directorate code, plan name, board name, priority code, indicator code.
/// Only a list with no problems is turned into one of these.
/// </summary>
public sealed record DataList(
    IReadOnlyList<PersonLine> People,
    IReadOnlyList<DirectorateLine> Directorates,
    IReadOnlyList<PlanLine> Plans,
    IReadOnlyList<BoardLine> Boards,
    IReadOnlyList<PriorityLine> Priorities,
    IReadOnlyList<IndicatorLine> Indicators)
{
    /// <summary>Everyone in the performance team column; null when the column names nobody (the team is left as it is).</summary>
    public IReadOnlyList<string>? PerformanceTeamEmails { get; init; }
}

/// <summary>
/// A person; the name is null when the file gives only an email already known to PmfBot.
/// Each line record keeps the first line of the file that names the thing.
/// </summary>
public sealed record PersonLine(string Email, string? Name, string? ManagerEmail, string? DirectorateCode, int Line);

public sealed record DirectorateLine(string Code, string Name, string? PerformanceLeadEmail, bool? UsesSignOff, int Line)
{
    /// <summary>Who answers the self assessment; null: the performance lead.</summary>
    public string? SelfAssessmentByEmail { get; init; }
}

public sealed record PlanLine(string Name, PlanKind Kind, int FirstYear, int LastYear, int Line);

public sealed record BoardLine(string Name, BoardKind Kind, string ChairEmail, TeamsChannel? Channel, IReadOnlyList<string> MemberEmails, int Line);

public sealed record PriorityLine(string Code, string Title, string? Outcome, string PlanName, string BoardName, string LeadOfficerEmail, string DirectorateCode, int Line);

public sealed record IndicatorLine(
    string Code,
    string Title,
    string Unit,
    Polarity Polarity,
    Frequency Frequency,
    bool IsNational,
    string OwnerEmail,
    string DirectorateCode,
    Tolerance? Tolerance,
    decimal? Baseline,
    decimal? Benchmark,
    string? BenchmarkSource,
    AnnualProfile? Profile,
    IReadOnlyDictionary<Period, decimal> Targets,
    IReadOnlyList<string> CollatorEmails,
    IReadOnlyList<string> PriorityCodes,
    int Line);
