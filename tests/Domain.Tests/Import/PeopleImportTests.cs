using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Import;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Import;

public sealed class PeopleImportOnSqlite() : PeopleImportTests(new SqliteTestDatabase());

public sealed class PeopleImportOnPostgres() : PeopleImportTests(new PostgresTestDatabase());

/// <summary>A people file links people to their Entra object ids, for councils that have them.</summary>
public abstract class PeopleImportTests(TestDatabase database) : ImportTest(database)
{
    [Fact]
    public async Task A_people_file_links_known_people_to_their_Entra_object_ids_and_again_changes_nothing()
    {
        await ImportSampleDataListAsync();

        var result = Succeeded(await ImportSampleAsync("people.csv"));
        var again = Succeeded(await ImportSampleAsync("people.csv"));

        Assert.Equal(ImportKind.People, result.Kind);
        Assert.Equal(["people: 0 created, 3 updated, 0 unchanged"], result.Summary);
        Assert.Equal(["people: 0 created, 0 updated, 3 unchanged"], again.Summary);
        await using var db = Database.NewContext();
        Assert.Equal("8c3b2e4a-5d6f-4a7b-8c1d-2e3f4a5b6c7d", (await db.People.SingleAsync(p => p.Email == "dan.whitley@rivermouth-council.example")).EntraObjectId);
    }

    [Fact]
    public async Task An_id_that_is_not_one_or_belongs_to_someone_else_is_refused()
    {
        await ImportSampleDataListAsync();
        Succeeded(await ImportSampleAsync("people.csv"));

        var result = await ImportAsync(
            "Name,Email,Entra object id\n"
            + "Alice Moran,alice.moran@rivermouth-council.example,not-a-guid\n"
            + "Josh Keane,josh.keane@rivermouth-council.example,8C3B2E4A-5D6F-4A7B-8C1D-2E3F4A5B6C7D\n");

        Assert.Equal(
            [
                "line 2, column Entra object id: 'not-a-guid' is not an Entra object id: they look like 3f2b9c1e-8d7a-4c55-9e0f-1a2b3c4d5e6f.",
                "line 3, column Entra object id: PmfBot already has this id for dan.whitley@rivermouth-council.example: one id is one person.",
            ],
            result.Problems.Select(p => p.ToString()));
    }
}
