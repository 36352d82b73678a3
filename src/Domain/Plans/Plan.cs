namespace PmfBot.Domain.Plans;

public enum PlanKind
{
    CityPriorityPlan,
    CouncilBusinessPlan,
    DirectoratePlan,
    ServicePlan,
}

/// <summary>
/// Population accountability: outcomes for a whole population, owned by a partnership.
/// Performance accountability: the council's own services.
/// </summary>
public enum Accountability
{
    Population,
    Performance,
}

/// <summary>The top of the golden thread: plan, priority, indicator, owner.</summary>
public sealed class Plan
{
    private Plan()
    {
    }

    public Plan(Guid id, string name, PlanKind kind, int firstYear, int lastYear)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new PmfRuleException("A plan needs a name.");
        }

        if (lastYear < firstYear)
        {
            throw new PmfRuleException($"Plan '{name}' ends ({lastYear}) before it starts ({firstYear}).");
        }

        Id = id;
        Name = name.Trim();
        Kind = kind;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public PlanKind Kind { get; private set; }

    /// <summary>First financial year the plan covers (2025 = 2025/26).</summary>
    public int FirstYear { get; private set; }

    public int LastYear { get; private set; }

    /// <summary>A re-import may correct the plan's type or years.</summary>
    public void Revise(PlanKind kind, int firstYear, int lastYear)
    {
        if (lastYear < firstYear)
        {
            throw new PmfRuleException($"Plan '{Name}' ends ({lastYear}) before it starts ({firstYear}).");
        }

        Kind = kind;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    public Accountability Accountability =>
        Kind == PlanKind.CityPriorityPlan ? Accountability.Population : Accountability.Performance;
}
