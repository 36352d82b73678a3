using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Indicators;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Indicators;

public sealed class IndicatorsOfOnSqlite() : IndicatorsOfTests(new SqliteTestDatabase());

public sealed class IndicatorsOfOnPostgres() : IndicatorsOfTests(new PostgresTestDatabase());

/// <summary>Whose returns a person may answer: the indicators they own and those they collate for, each once.</summary>
public abstract class IndicatorsOfTests(TestDatabase database) : IAsyncLifetime
{
    private readonly TestCouncil _council = new();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _council.TemporaryAccommodation.AddCollator(_council.Owner.Id);
        await _council.SaveAsync(database, new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero));
    }

    public Task DisposeAsync() => database.DisposeAsync();

    private async Task<List<Guid>> AnsweredByAsync(Guid personId)
    {
        await using var db = database.NewContext();
        return await db.AnsweredBy(personId).ToListAsync();
    }

    [Fact]
    public async Task An_owner_who_also_collates_their_own_indicator_has_it_once()
    {
        var owned = await AnsweredByAsync(_council.Owner.Id);

        Assert.Equal(new[] { _council.Schools.Id, _council.TemporaryAccommodation.Id }.Order(), owned.Order());
    }

    [Fact]
    public async Task A_collator_has_the_indicators_they_collate_for_and_anyone_else_has_none()
    {
        Assert.Equal([_council.Schools.Id], await AnsweredByAsync(_council.Collator.Id));
        Assert.Empty(await AnsweredByAsync(_council.ScrutinyMember.Id));
    }
}
