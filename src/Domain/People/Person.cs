namespace PmfBot.Domain.People;

/// <summary>
/// Anyone PmfBot knows: indicator owners and collators, lead officers, chairs, board members,
/// performance officers. Matched to Teams by Entra object id (resolved once from the email when
/// a person is imported by email only).
/// </summary>
public sealed class Person
{
    private Person()
    {
    }

    public Person(Guid id, string name, string email)
    {
        Id = id;
        Name = Require(name, "name");
        Email = Require(email, "email").ToLowerInvariant();
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string? JobTitle { get; set; }

    /// <summary>Entra ID object id (Teams `from.aadObjectId`).</summary>
    public string? EntraObjectId { get; private set; }

    public Guid? ManagerId { get; private set; }

    public Guid? DirectorateId { get; set; }

    /// <summary>Members of the corporate performance team may run the cycle and see everything.</summary>
    public bool IsPerformanceTeam { get; set; }

    /// <summary>Set when Teams answers that the person blocked the bot; the performance team is told.</summary>
    public bool HasBlockedBot { get; private set; }

    public void LinkEntraObjectId(string objectId)
    {
        EntraObjectId = Require(objectId, "Entra object id").ToLowerInvariant();
    }

    public void ReportsTo(Person? manager)
    {
        if (manager?.Id == Id)
        {
            throw new PmfRuleException($"{Name} cannot be their own manager.");
        }

        ManagerId = manager?.Id;
    }

    public void MarkBlockedBot(bool blocked) => HasBlockedBot = blocked;

    /// <summary>A re-import or the directory gives the person's name as it is now.</summary>
    public void Rename(string name) => Name = Require(name, "name");

    public override string ToString() => Name;

    private static string Require(string value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new PmfRuleException($"A person needs a {what}.") : value.Trim();
}
