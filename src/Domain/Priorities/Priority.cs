namespace PmfBot.Domain.Priorities;

/// <summary>
/// An outcome the council must deliver, under a plan, owned by one board and led by a lead
/// officer, who proposes its overall progress rating each quarter.
/// </summary>
public sealed class Priority
{
    private Priority()
    {
    }

    public Priority(Guid id, string code, string title, Guid planId, Guid boardId, Guid leadOfficerId, Guid? directorateId)
    {
        Id = id;
        Code = string.IsNullOrWhiteSpace(code) ? throw new PmfRuleException("A priority needs a code.") : code.Trim();
        Title = string.IsNullOrWhiteSpace(title) ? throw new PmfRuleException($"Priority {code} needs a title.") : title.Trim();
        PlanId = planId;
        BoardId = boardId;
        LeadOfficerId = leadOfficerId;
        DirectorateId = directorateId;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public Guid PlanId { get; private set; }

    public Guid BoardId { get; private set; }

    public Guid LeadOfficerId { get; private set; }

    public Guid? DirectorateId { get; private set; }

    /// <summary>The outcome this priority serves, as the plan words it ("Best city for health and wellbeing").</summary>
    public string? Outcome { get; set; }

    public void ChangeLead(Guid leadOfficerId) => LeadOfficerId = leadOfficerId;

    /// <summary>A re-import may reword the priority or move it to another plan, board or directorate.</summary>
    public void Revise(string title, Guid planId, Guid boardId, Guid? directorateId)
    {
        Title = string.IsNullOrWhiteSpace(title) ? throw new PmfRuleException($"Priority {Code} needs a title.") : title.Trim();
        PlanId = planId;
        BoardId = boardId;
        DirectorateId = directorateId;
    }

    public override string ToString() => $"{Code} {Title}";
}
