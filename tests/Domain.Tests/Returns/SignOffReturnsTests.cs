using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Returns;

public sealed class SignOffReturnsOnSqlite() : SignOffReturnsTests(new SqliteTestDatabase());

public sealed class SignOffReturnsOnPostgres() : SignOffReturnsTests(new PostgresTestDatabase());

/// <summary>What signing off and sending back from the sign-off card answer, as values: who may, a stale card, the form.</summary>
public abstract class SignOffReturnsTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task The_performance_lead_signs_off_the_submitted_returns_of_the_card_they_saw()
    {
        var submitted = await SubmitAsync();

        var outcome = await SignOffAllAsync(Council.PerformanceLead.Id, await FingerprintAsync());

        var saved = Assert.IsType<CardOutcome<SignOffReturns.SignedOff>.Saved>(outcome);
        Assert.Equal(1, saved.Value.Count);
        Assert.Equal(ReturnState.SignedOff, (await LoadAsync(submitted.Id)).State);
    }

    [Fact]
    public async Task A_card_from_before_a_return_changed_signs_off_nothing()
    {
        var stale = await FingerprintAsync();
        var submitted = await SubmitAsync();

        var outcome = await SignOffAllAsync(Council.PerformanceLead.Id, stale);

        Assert.Equal(StaleCard.Message, Assert.IsType<CardOutcome<SignOffReturns.SignedOff>.Stale>(outcome).Message);
        Assert.Equal(ReturnState.Submitted, (await LoadAsync(submitted.Id)).State);
    }

    [Fact]
    public async Task Only_the_directorates_performance_lead_may_sign_off()
    {
        var submitted = await SubmitAsync();

        var outcome = await SignOffAllAsync(Council.Owner.Id, await FingerprintAsync());

        Assert.Contains("performance lead", Assert.IsType<CardOutcome<SignOffReturns.SignedOff>.NotAllowed>(outcome).Reason);
        Assert.Equal(ReturnState.Submitted, (await LoadAsync(submitted.Id)).State);
    }

    [Fact]
    public async Task Sending_back_without_choosing_a_return_names_the_field()
    {
        await SubmitAsync();

        var outcome = await SendBackAsync(null, "Check the ward figures.");

        Assert.Equal("sendBackReturnId", Assert.IsType<CardOutcome<SignOffReturns.SentBack>.Invalid>(outcome).Field);
    }

    [Fact]
    public async Task Sending_back_with_a_comment_too_long_names_the_comment_and_changes_nothing()
    {
        var submitted = await SubmitAsync();

        var outcome = await SendBackAsync(submitted.Id, new string('x', SignOffReturns.MaxCommentLength + 1));

        Assert.Equal("comment", Assert.IsType<CardOutcome<SignOffReturns.SentBack>.Invalid>(outcome).Field);
        Assert.Equal(ReturnState.Submitted, (await LoadAsync(submitted.Id)).State);
    }

    [Fact]
    public async Task The_performance_lead_sends_a_return_back_with_a_comment()
    {
        var submitted = await SubmitAsync();

        var outcome = await SendBackAsync(submitted.Id, "Check the ward figures.");

        var saved = Assert.IsType<CardOutcome<SignOffReturns.SentBack>.Saved>(outcome);
        Assert.Equal(ReturnState.SentBack, saved.Value.Return.State);
        var stored = await LoadAsync(submitted.Id);
        Assert.Equal(ReturnState.SentBack, stored.State);
        Assert.Equal("Check the ward figures.", stored.SentBackComment);
    }

    private async Task<IndicatorReturn> SubmitAsync()
    {
        await using var db = Database.NewContext();
        var returnId = await db.Returns.Where(r => r.IndicatorId == Council.Schools.Id).Select(r => r.Id).SingleAsync();
        return await new SubmitReturn(db, Clock).HandleAsync(new SubmitReturn.Command(Council.Owner.Id, returnId, TestCouncil.Entry(78m)));
    }

    private async Task<string> FingerprintAsync()
    {
        await using var db = Database.NewContext();
        var versions = await db.Returns.Where(r => r.Period == TestCouncil.Q2 && r.Indicator.DirectorateId == Council.Directorate.Id)
            .Select(r => new { r.Id, r.Version }).ToListAsync();
        return StaleCard.Fingerprint(versions.Select(r => (r.Id, r.Version)));
    }

    private async Task<CardOutcome<SignOffReturns.SignedOff>> SignOffAllAsync(Guid actorId, string seenVersion)
    {
        await using var db = Database.NewContext();
        var actor = await db.People.SingleAsync(p => p.Id == actorId);
        return await new SignOffReturns(db, Clock).SignOffAllAsync(new SignOffReturns.Request(actor, Council.Directorate.Id, TestCouncil.Q2, seenVersion));
    }

    private async Task<CardOutcome<SignOffReturns.SentBack>> SendBackAsync(Guid? returnId, string comment)
    {
        var seen = await FingerprintAsync();
        await using var db = Database.NewContext();
        var lead = await db.People.SingleAsync(p => p.Id == Council.PerformanceLead.Id);
        return await new SignOffReturns(db, Clock).SendBackAsync(
            new SignOffReturns.SendBackRequest(new SignOffReturns.Request(lead, Council.Directorate.Id, TestCouncil.Q2, seen), returnId, comment));
    }

    private async Task<IndicatorReturn> LoadAsync(Guid returnId)
    {
        await using var db = Database.NewContext();
        return await db.Returns.AsNoTracking().SingleAsync(r => r.Id == returnId);
    }
}
