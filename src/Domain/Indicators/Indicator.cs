using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Indicators;

/// <summary>
/// A performance indicator (PI, KPI, measure): what is counted, by whom, against which target.
/// An indicator may contribute to more than one priority; that is allowed but flagged, because
/// it weakens the golden thread from plan to owner.
/// </summary>
public sealed class Indicator
{
    private readonly List<IndicatorTarget> _targets = [];
    private readonly List<IndicatorCollator> _collators = [];
    private readonly List<IndicatorPriority> _priorities = [];

    private Indicator()
    {
    }

    public Indicator(Guid id, string code, string title, string unit, Polarity polarity, Frequency frequency, Guid ownerId)
    {
        Id = id;
        Code = string.IsNullOrWhiteSpace(code) ? throw new PmfRuleException("An indicator needs a code.") : code.Trim();
        Title = string.IsNullOrWhiteSpace(title) ? throw new PmfRuleException($"Indicator {code} needs a title.") : title.Trim();
        Unit = unit?.Trim() ?? "";
        Polarity = polarity;
        Frequency = frequency;
        OwnerId = ownerId;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>"%", "number", "days", "£k", "rate per 1,000"...</summary>
    public string Unit { get; private set; } = "";

    public Polarity Polarity { get; private set; }

    public Frequency Frequency { get; private set; }

    /// <summary>National (from a statutory data set) or local (the council's own).</summary>
    public bool IsNational { get; set; }

    /// <summary>The accountable owner who answers for the return.</summary>
    public Guid OwnerId { get; private set; }

    public Guid? DirectorateId { get; set; }

    public Tolerance Tolerance { get; private set; } = Tolerance.None;

    public decimal? Baseline { get; set; }

    public decimal? Benchmark { get; set; }

    /// <summary>Where the benchmark comes from ("Core cities average 2024/25").</summary>
    public string? BenchmarkSource { get; set; }

    /// <summary>
    /// Cumulative share of an annual target reached by the end of Q1..Q4, in percent
    /// (e.g. 20, 45, 70, 100). Empty: the annual target applies as it is to every quarter.
    /// </summary>
    public AnnualProfile? QuarterlyProfile { get; private set; }

    public IReadOnlyCollection<IndicatorTarget> Targets => _targets;

    public IReadOnlyCollection<IndicatorCollator> Collators => _collators;

    public IReadOnlyCollection<IndicatorPriority> Priorities => _priorities;

    /// <summary>True when the indicator serves several priorities (it weakens the golden thread).</summary>
    public bool ServesSeveralPriorities => _priorities.Count(p => p.RetiredAt is null) > 1;

    /// <summary>
    /// When the council's single data list stopped naming it. A retired indicator keeps its returns
    /// and history but gets no new returns and no nudges; a later list that names it reinstates it.
    /// </summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public void Retire(DateTimeOffset at) => RetiredAt ??= at;

    public void Reinstate() => RetiredAt = null;

    /// <summary>The list no longer gives this target: kept (returns made against it keep it), no longer used.</summary>
    public void RetireTarget(Period period, DateTimeOffset at)
    {
        if (_targets.FirstOrDefault(t => t.Period == period) is { RetiredAt: null } target)
        {
            target.RetiredAt = at;
        }
    }

    /// <summary>The list no longer names this collator: they may no longer submit for the owner.</summary>
    public void RetireCollator(Guid personId, DateTimeOffset at)
    {
        if (_collators.FirstOrDefault(c => c.PersonId == personId) is { RetiredAt: null } collator)
        {
            collator.RetiredAt = at;
        }
    }

    /// <summary>The list no longer links the indicator to this priority: it stops counting towards it.</summary>
    public void RetireLink(Guid priorityId, DateTimeOffset at)
    {
        if (_priorities.FirstOrDefault(p => p.PriorityId == priorityId) is { RetiredAt: null } link)
        {
            link.RetiredAt = at;
        }
    }

    public void SetTolerance(Tolerance tolerance)
    {
        if (tolerance.Amount < 0)
        {
            throw new PmfRuleException($"The tolerance for {Code} cannot be negative.");
        }

        Tolerance = tolerance;
    }

    public void ProfileAnnualTarget(AnnualProfile? profile) => QuarterlyProfile = profile;

    public void SetTarget(Period period, decimal value)
    {
        var existing = _targets.FirstOrDefault(t => t.Period == period);
        if (existing is null)
        {
            _targets.Add(new IndicatorTarget(Id, period, value));
        }
        else
        {
            existing.Value = value;
            existing.RetiredAt = null;
        }
    }

    /// <summary>
    /// The target for a period: one set for that period; otherwise, for a quarter, the annual
    /// target (profiled if the indicator has a profile); otherwise none.
    /// </summary>
    public decimal? TargetFor(Period period)
    {
        var exact = _targets.FirstOrDefault(t => t.Period == period && t.RetiredAt is null);
        if (exact is not null)
        {
            return exact.Value;
        }

        if (period.Kind == PeriodKind.Year)
        {
            return null;
        }

        var annual = _targets.FirstOrDefault(t => t.Period == period.YearPeriod && t.RetiredAt is null);
        if (annual is null)
        {
            return null;
        }

        return period.Kind == PeriodKind.Quarter && QuarterlyProfile is { } profile
            ? profile.ShareOf(annual.Value, period.Number)
            : annual.Value;
    }

    public void AssignOwner(Guid ownerId) => OwnerId = ownerId;

    /// <summary>
    /// A re-import may reword the indicator or correct its unit, polarity or frequency. Returns
    /// already made keep the target and rating they were given.
    /// </summary>
    public void Describe(string title, string unit, Polarity polarity, Frequency frequency)
    {
        Title = string.IsNullOrWhiteSpace(title) ? throw new PmfRuleException($"Indicator {Code} needs a title.") : title.Trim();
        Unit = unit?.Trim() ?? "";
        Polarity = polarity;
        Frequency = frequency;
    }

    public void AddCollator(Guid personId)
    {
        if (personId == OwnerId)
        {
            return;
        }

        if (_collators.FirstOrDefault(c => c.PersonId == personId) is { } existing)
        {
            existing.RetiredAt = null;
        }
        else
        {
            _collators.Add(new IndicatorCollator(Id, personId));
        }
    }

    public void ContributesTo(Guid priorityId)
    {
        if (_priorities.FirstOrDefault(p => p.PriorityId == priorityId) is { } existing)
        {
            existing.RetiredAt = null;
        }
        else
        {
            _priorities.Add(new IndicatorPriority(Id, priorityId));
        }
    }

    /// <summary>The owner, or a collator who may submit for the owner.</summary>
    public bool MaySubmit(Guid personId) => personId == OwnerId || _collators.Any(c => c.PersonId == personId && c.RetiredAt is null);

    public override string ToString() => $"{Code} {Title}";
}

public sealed class IndicatorTarget
{
    private IndicatorTarget()
    {
    }

    internal IndicatorTarget(Guid indicatorId, Period period, decimal value)
    {
        IndicatorId = indicatorId;
        Period = period;
        Value = value;
    }

    public Guid IndicatorId { get; private set; }

    public Period Period { get; private set; }

    public decimal Value { get; internal set; }

    /// <summary>Set when the single data list no longer has it; storage then leaves it out of every query.</summary>
    public DateTimeOffset? RetiredAt { get; internal set; }
}

public sealed class IndicatorCollator
{
    private IndicatorCollator()
    {
    }

    internal IndicatorCollator(Guid indicatorId, Guid personId)
    {
        IndicatorId = indicatorId;
        PersonId = personId;
    }

    public Guid IndicatorId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>Set when the single data list no longer has it; storage then leaves it out of every query.</summary>
    public DateTimeOffset? RetiredAt { get; internal set; }
}

public sealed class IndicatorPriority
{
    private IndicatorPriority()
    {
    }

    internal IndicatorPriority(Guid indicatorId, Guid priorityId)
    {
        IndicatorId = indicatorId;
        PriorityId = priorityId;
    }

    public Guid IndicatorId { get; private set; }

    public Guid PriorityId { get; private set; }

    /// <summary>Set when the single data list no longer has it; storage then leaves it out of every query.</summary>
    public DateTimeOffset? RetiredAt { get; internal set; }
}
