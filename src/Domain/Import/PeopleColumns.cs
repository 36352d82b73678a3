namespace PmfBot.Domain.Import;

/// <summary>The columns of a people file (Entra object ids); docs/import.md documents them and a test keeps the two in step.</summary>
public static class PeopleColumns
{
    public const string Name = "Name";
    public const string Email = "Email";
    public const string EntraObjectId = "Entra object id";

    public static IReadOnlyList<DataListColumn> All { get; } =
    [
        new(Name, ColumnUse.EveryRow, "The person's name.", "Sam Patel"),
        new(Email, ColumnUse.EveryRow, "Their email: how PmfBot knows them (one email, one person).", "sam.patel@council.gov.uk"),
        new(EntraObjectId, ColumnUse.Optional, "Their Entra ID object id (a GUID, from the Entra admin centre or an export of users), so Teams finds them without looking the email up. Blank: leave as it is.", "3f2b9c1e-8d7a-4c55-9e0f-1a2b3c4d5e6f"),
    ];
}
