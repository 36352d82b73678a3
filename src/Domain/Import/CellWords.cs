using System.Globalization;
using System.Text.RegularExpressions;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Plans;
using PmfBot.Domain.Risks;

namespace PmfBot.Domain.Import;

/// <summary>
/// The words a council types in a single data list and what they mean. Case, extra spaces and
/// hyphens do not matter ("Six-monthly" is "six monthly"). Each parser returns null and an
/// explanation a person can act on when the cell is not one of its words.
/// </summary>
internal static partial class CellWords
{
    private static readonly Dictionary<string, PlanKind> PlanKinds = new(StringComparer.Ordinal)
    {
        ["city priority plan"] = PlanKind.CityPriorityPlan,
        ["cpp"] = PlanKind.CityPriorityPlan,
        ["council business plan"] = PlanKind.CouncilBusinessPlan,
        ["cbp"] = PlanKind.CouncilBusinessPlan,
        ["directorate plan"] = PlanKind.DirectoratePlan,
        ["service plan"] = PlanKind.ServicePlan,
    };

    private static readonly Dictionary<string, BoardKind> BoardKinds = new(StringComparer.Ordinal)
    {
        ["strategic partnership board"] = BoardKind.StrategicPartnership,
        ["partnership board"] = BoardKind.StrategicPartnership,
        ["best council board"] = BoardKind.BestCouncil,
        ["best council"] = BoardKind.BestCouncil,
        ["directorate management team"] = BoardKind.DirectorateManagementTeam,
        ["dmt"] = BoardKind.DirectorateManagementTeam,
        ["scrutiny board"] = BoardKind.Scrutiny,
        ["overview and scrutiny board"] = BoardKind.Scrutiny,
        ["scrutiny"] = BoardKind.Scrutiny,
        ["governance and audit committee"] = BoardKind.GovernanceAndAudit,
        ["corporate governance and audit committee"] = BoardKind.GovernanceAndAudit,
        ["governance and audit"] = BoardKind.GovernanceAndAudit,
    };

    private static readonly Dictionary<string, Polarity> Polarities = new(StringComparer.Ordinal)
    {
        ["higher is better"] = Polarity.HigherIsBetter,
        ["high is good"] = Polarity.HigherIsBetter,
        ["lower is better"] = Polarity.LowerIsBetter,
        ["low is good"] = Polarity.LowerIsBetter,
    };

    private static readonly Dictionary<string, Frequency> Frequencies = new(StringComparer.Ordinal)
    {
        ["monthly"] = Frequency.Monthly,
        ["quarterly"] = Frequency.Quarterly,
        ["six monthly"] = Frequency.SixMonthly,
        ["half yearly"] = Frequency.SixMonthly,
        ["annual"] = Frequency.Annual,
        ["annually"] = Frequency.Annual,
        ["yearly"] = Frequency.Annual,
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy"];

    private static readonly Dictionary<string, ActionStatus> ActionStatuses = new(StringComparer.Ordinal)
    {
        ["not started"] = ActionStatus.NotStarted,
        ["on track"] = ActionStatus.OnTrack,
        ["in progress"] = ActionStatus.OnTrack,
        ["delayed"] = ActionStatus.Delayed,
        ["off track"] = ActionStatus.Delayed,
        ["complete"] = ActionStatus.Complete,
        ["completed"] = ActionStatus.Complete,
        ["done"] = ActionStatus.Complete,
    };

    private static readonly Dictionary<string, RiskLevel> RiskLevels = new(StringComparer.Ordinal)
    {
        ["low"] = RiskLevel.Low,
        ["l"] = RiskLevel.Low,
        ["1"] = RiskLevel.Low,
        ["medium"] = RiskLevel.Medium,
        ["m"] = RiskLevel.Medium,
        ["2"] = RiskLevel.Medium,
        ["high"] = RiskLevel.High,
        ["h"] = RiskLevel.High,
        ["3"] = RiskLevel.High,
    };

    public static string Normalise(string text) =>
        Spaces().Replace(text.Replace('-', ' ').Replace('_', ' ').Replace('\u2019', '\'').Trim(), " ").ToLowerInvariant();

    public static (PlanKind? Kind, string? Problem) ParsePlanKind(string cell) =>
        Word(cell, PlanKinds, "a plan type", "City Priority Plan, Council Business Plan, Directorate plan or Service plan");

    public static (BoardKind? Kind, string? Problem) ParseBoardKind(string cell) =>
        Word(cell, BoardKinds, "a board type", "Strategic partnership board, Best Council board, Directorate management team, Scrutiny board or Governance and audit committee");

    public static (Polarity? Polarity, string? Problem) ParsePolarity(string cell) =>
        Word(cell, Polarities, "a polarity", "'higher is better' or 'lower is better'");

    public static (Frequency? Frequency, string? Problem) ParseFrequency(string cell) =>
        Word(cell, Frequencies, "a frequency", "monthly, quarterly, six-monthly or annual");

    public static (bool? National, string? Problem) ParseNationalOrLocal(string cell) => Normalise(cell) switch
    {
        "national" => (true, null),
        "local" => (false, null),
        _ => (null, $"'{cell}' is neither: use 'national' or 'local'."),
    };

    public static (bool? Yes, string? Problem) ParseYesNo(string cell) => Normalise(cell) switch
    {
        "yes" or "y" or "true" => (true, null),
        "no" or "n" or "false" => (false, null),
        _ => (null, $"'{cell}' is not yes or no."),
    };

    /// <summary>A number as people type it: 1,234.5 or 85% or £1,200 (the % and £ are ignored).</summary>
    public static (decimal? Value, string? Problem) ParseNumber(string cell)
    {
        var text = cell.Trim().TrimStart('£').TrimEnd('%').Trim();
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (null, $"'{cell}' is not a number.");
    }

    /// <summary>A date as councils type it: 2026-03-31, 31/03/2026 or 31 March 2026 (Excel dates arrive as the first).</summary>
    public static (DateOnly? Date, string? Problem) ParseDate(string cell) =>
        DateOnly.TryParseExact(cell.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (null, $"'{cell}' is not a date: write it as 31/03/2026 or 2026-03-31.");

    public static (ActionStatus? Status, string? Problem) ParseActionStatus(string cell) =>
        Word(cell, ActionStatuses, "an action status", "not started, on track, delayed or complete");

    public static (RiskLevel? Level, string? Problem) ParseRiskLevel(string cell) =>
        Word(cell, RiskLevels, "a risk level", "low, medium or high");

    /// <summary>"5%" is a share of the target; "3" is in the indicator's unit.</summary>
    public static (Tolerance? Tolerance, string? Problem) ParseTolerance(string cell) =>
        ToleranceText.TryParse(cell, out var tolerance)
            ? (tolerance, null)
            : (null, $"'{cell}' is not a tolerance: write a number in the indicator's unit (3) or a percentage of the target (5%); it cannot be negative.");

    /// <summary>A financial year: 2025/26, 2025-26 or 2025 (the year it starts in).</summary>
    public static (int? Year, string? Problem) ParseFinancialYear(string cell)
    {
        var match = FinancialYearPattern().Match(cell.Trim());
        if (match.Success)
        {
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (!match.Groups["next"].Success || (year + 1) % 100 == int.Parse(match.Groups["next"].Value, CultureInfo.InvariantCulture))
            {
                return (year, null);
            }
        }

        return (null, $"'{cell}' is not a financial year: write it as 2025/26.");
    }

    public static bool IsEmail(string text) => EmailPattern().IsMatch(text);

    /// <summary>
    /// A person written as "Name &lt;email&gt;" or as a bare email. The name is null for a bare
    /// email; the email is null when the cell is not one of the two forms.
    /// </summary>
    public static (string? Name, string? Email) ParsePerson(string cell)
    {
        var text = cell.Trim();
        var match = NamedEmailPattern().Match(text);
        if (match.Success)
        {
            var email = match.Groups["email"].Value.Trim().ToLowerInvariant();
            var name = match.Groups["name"].Value.Trim().Trim('"').Trim();
            return IsEmail(email) ? (name.Length == 0 ? null : name, email) : (null, null);
        }

        return IsEmail(text) ? (null, text.ToLowerInvariant()) : (null, null);
    }

    /// <summary>A canonical text for a number, so 5 and 5.0 read the same.</summary>
    public static string Canonical(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    private static (T? Value, string? Problem) Word<T>(string cell, Dictionary<string, T> words, string what, string choices)
        where T : struct =>
        words.TryGetValue(Normalise(cell), out var value)
            ? (value, null)
            : (null, $"'{cell}' is not {what}: use {choices}.");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?<year>\d{4})(?:\s*[-/]\s*(?<next>\d{2}))?$")]
    private static partial Regex FinancialYearPattern();

    [GeneratedRegex(@"^[^@\s<>;,""]+@[^@\s<>;,""]+\.[^@\s<>;,""]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(?<name>[^<>]*)<(?<email>[^<>]+)>$")]
    private static partial Regex NamedEmailPattern();
}
