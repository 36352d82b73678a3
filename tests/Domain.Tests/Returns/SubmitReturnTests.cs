using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Returns;

public sealed class SubmitReturnOnSqlite() : SubmitReturnTests(new SqliteTestDatabase());

public sealed class SubmitReturnOnPostgres() : SubmitReturnTests(new PostgresTestDatabase());

public abstract class SubmitReturnTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task Owner_submits_and_the_return_is_saved_with_its_computed_rag_and_audited()
    {
        var saved = await Submit(Council.Owner.Id, Council.Schools.Id, TestCouncil.Entry(78m));

        Assert.Equal(ReturnState.Submitted, saved.State);
        await using var db = Database.NewContext();
        var stored = await LoadReturn(db, Council.Schools.Id);
        Assert.Equal(78m, stored.Value);
        Assert.Equal(80m, stored.Target);
        Assert.Equal(Rag.Amber, stored.ComputedRag);
        Assert.Equal(Council.Owner.Id, stored.SubmittedById);
        Assert.False(stored.SubmittedLate);
        var audit = await db.AuditLog.Where(a => a.EntityId == stored.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["opened", "submitted"], audit.Select(a => a.Action));
        Assert.Equal(Council.Owner.Name, audit[1].ActorName);
        Assert.Contains("\"Value\":78", audit[1].After);
        Assert.Contains("\"State\":\"Open\"", audit[1].Before);
    }

    [Fact]
    public async Task A_collator_may_submit_for_the_owner()
    {
        var saved = await Submit(Council.Collator.Id, Council.Schools.Id, TestCouncil.Entry(85m));

        Assert.Equal(Council.Collator.Id, saved.SubmittedById);
        Assert.Equal(Rag.Green, saved.ComputedRag);
    }

    [Fact]
    public async Task Someone_who_is_not_owner_or_collator_is_refused_and_nothing_is_saved()
    {
        var refused = await Assert.ThrowsAsync<PmfRuleException>(() => Submit(Council.ScrutinyMember.Id, Council.Schools.Id, TestCouncil.Entry(85m)));

        Assert.Contains("You cannot enter the return for CPP-C1a: only its owner or one of its collators can.", refused.Message);
        await AssertUntouched(Council.Schools.Id);
    }

    [Fact]
    public async Task Submitting_the_same_answer_twice_saves_one_version()
    {
        await Submit(Council.Owner.Id, Council.Schools.Id, TestCouncil.Entry(78m));
        var again = await Submit(Council.Owner.Id, Council.Schools.Id, TestCouncil.Entry(78m), seenVersion: 0);

        Assert.Equal(1, again.Version);
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EntityId == again.Id && a.Action == "submitted"));
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.EntityId == again.Id && a.Action == "corrected"));
    }

    [Fact]
    public async Task A_different_answer_before_sign_off_is_a_correction()
    {
        await Submit(Council.Owner.Id, Council.Schools.Id, TestCouncil.Entry(78m));
        var corrected = await Submit(Council.Owner.Id, Council.Schools.Id, TestCouncil.Entry(82m), seenVersion: 1);

        Assert.Equal(82m, corrected.Value);
        Assert.Equal(Rag.Green, corrected.ComputedRag);
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EntityId == corrected.Id && a.Action == "corrected"));
    }

    [Fact]
    public async Task A_card_older_than_the_saved_return_is_refused_and_the_saved_answer_kept()
    {
        await Submit(Council.Owner.Id, Council.Schools.Id, TestCouncil.Entry(78m));

        var refused = await Assert.ThrowsAsync<PmfRuleException>(() => Submit(Council.Collator.Id, Council.Schools.Id, TestCouncil.Entry(90m), seenVersion: 0));

        Assert.Equal(StaleCard.Message, refused.Message);
        await using var db = Database.NewContext();
        Assert.Equal(78m, (await LoadReturn(db, Council.Schools.Id)).Value);
    }

    [Fact]
    public async Task Two_people_saving_at_the_same_moment_cannot_both_win()
    {
        await using var first = Database.NewContext();
        await using var second = Database.NewContext();
        var mine = await LoadReturn(first, Council.Schools.Id);
        var theirs = await LoadReturn(second, Council.Schools.Id);
        var owner = await first.People.SingleAsync(p => p.Id == Council.Owner.Id);
        var collator = await second.People.SingleAsync(p => p.Id == Council.Collator.Id);
        var now = Clock.GetUtcNow();

        mine.Submit(owner, TestCouncil.Entry(78m), new DateOnly(2025, 10, 6), now);
        theirs.Submit(collator, TestCouncil.Entry(91m), new DateOnly(2025, 10, 6), now);
        await first.SaveOrExplainAsync("the return", CancellationToken.None);
        var lost = await Assert.ThrowsAsync<PmfRuleException>(() => second.SaveOrExplainAsync("the return", CancellationToken.None));

        Assert.Contains("Someone else changed the return at the same moment", lost.Message);
        await using var db = Database.NewContext();
        var stored = await LoadReturn(db, Council.Schools.Id);
        Assert.Equal(78m, stored.Value);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EntityId == stored.Id && a.Action == "submitted"));
    }

    [Theory]
    [InlineData(null, "Enter a value, or tick 'data not available' and say why.", "value")]
    [InlineData("script", "Commentary must be plain text", "commentary")]
    [InlineData("long", "Commentary is 2001 characters long; the most is 2000.", "commentary")]
    [InlineData("blank", "Add a short commentary", "commentary")]
    public async Task Bad_input_names_the_field_and_saves_nothing(string? kind, string message, string field)
    {
        var entry = kind switch
        {
            null => TestCouncil.Entry(null),
            "script" => TestCouncil.Entry(78m, "Fine <script>alert('x')</script>"),
            "long" => TestCouncil.Entry(78m, new string('a', 2001)),
            _ => TestCouncil.Entry(78m, "   "),
        };

        var refused = await Assert.ThrowsAsync<PmfRuleException>(() => Submit(Council.Owner.Id, Council.Schools.Id, entry));

        Assert.Contains(message, refused.Message);
        Assert.Equal(field, refused.Field);
        await AssertUntouched(Council.Schools.Id);
    }

    [Fact]
    public async Task A_rag_override_needs_a_reason_and_keeps_both_ratings()
    {
        var noReason = TestCouncil.Entry(78m) with { OverrideRag = Rag.Red };
        var refused = await Assert.ThrowsAsync<PmfRuleException>(() => Submit(Council.Owner.Id, Council.Schools.Id, noReason));
        Assert.Equal("overrideReason", refused.Field);

        var saved = await Submit(Council.Owner.Id, Council.Schools.Id, noReason with { OverrideReason = "Two schools were downgraded after the data was taken." });

        Assert.Equal(Rag.Amber, saved.ComputedRag);
        Assert.Equal(Rag.Red, saved.OverrideRag);
        Assert.Equal(Rag.Red, saved.EffectiveRag);
    }

    [Fact]
    public async Task Data_not_available_with_a_reason_is_accepted_as_no_data()
    {
        var entry = new ReturnEntry(null, "New indicator: the first survey reports in January.", null, null, "We will report this from Q3.", null, null);

        var saved = await Submit(Council.Owner.Id, Council.Schools.Id, entry);

        Assert.Equal(ReturnState.Submitted, saved.State);
        Assert.Equal(Rag.NoData, saved.ComputedRag);
    }

    [Fact]
    public async Task A_return_submitted_after_its_due_date_is_marked_late()
    {
        Clock.SetUtcNow(new DateTimeOffset(2025, 10, 15, 8, 0, 0, TimeSpan.Zero));

        var saved = await Submit(Council.Owner.Id, Council.TemporaryAccommodation.Id, TestCouncil.Entry(95m));

        Assert.True(saved.SubmittedLate);
        Assert.Equal(Rag.Green, saved.ComputedRag);
    }

    [Fact]
    public async Task A_draft_can_be_incomplete_and_is_not_a_submission()
    {
        var draft = await Submit(Council.Owner.Id, Council.Schools.Id, TestCouncil.Entry(null, "Waiting for the last two schools."), asDraft: true);

        Assert.Equal(ReturnState.Draft, draft.State);
        Assert.Null(draft.SubmittedAt);
    }

    private async Task<IndicatorReturn> Submit(Guid actorId, Guid indicatorId, ReturnEntry entry, int? seenVersion = null, bool asDraft = false)
    {
        await using var db = Database.NewContext();
        var returnId = await db.Returns.Where(r => r.IndicatorId == indicatorId).Select(r => r.Id).SingleAsync();
        return await new SubmitReturn(db, Clock).HandleAsync(new SubmitReturn.Command(actorId, returnId, entry, asDraft, seenVersion));
    }

    private static Task<IndicatorReturn> LoadReturn(PmfDbContext db, Guid indicatorId) =>
        db.Returns.Include(r => r.Indicator).ThenInclude(i => i.Collators).Include(r => r.Indicator).ThenInclude(i => i.Targets)
            .SingleAsync(r => r.IndicatorId == indicatorId);

    private async Task AssertUntouched(Guid indicatorId)
    {
        await using var db = Database.NewContext();
        var stored = await LoadReturn(db, indicatorId);
        Assert.Equal(ReturnState.Open, stored.State);
        Assert.Null(stored.Value);
        Assert.Equal(0, stored.Version);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EntityId == stored.Id));
    }
}
