namespace PmfBot.Domain.Demo;

/// <summary>
/// A fictional person of the demo council. <see cref="EntraObjectId"/> is fixed so the Agents
/// Playground and tests can act as this person (Teams `from.aadObjectId`).
/// </summary>
public sealed record DemoPerson(
    string Name,
    string Email,
    string EntraObjectId,
    string JobTitle,
    string? ManagerEmail = null,
    string? DirectorateCode = null,
    bool PerformanceTeam = false)
{
    /// <summary>The person's id in the demo database (derived from the email, so always the same).</summary>
    public Guid Id => DemoIds.For("person:" + Email);
}

/// <summary>Ids derived from names, so the demo council has the same ids wherever it is seeded.</summary>
internal static class DemoIds
{
    public static Guid For(string key)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("pmfbot-demo:" + key));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 style (name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
