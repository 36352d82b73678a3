using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.People.Linking;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Linking;

public sealed class LinkTeamsAccountOnSqlite() : LinkTeamsAccountTests(new SqliteTestDatabase());

public sealed class LinkTeamsAccountOnPostgres() : LinkTeamsAccountTests(new PostgresTestDatabase());

/// <summary>The linking rule on the test council, whose people have no Entra object ids.</summary>
public abstract class LinkTeamsAccountTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Tenant = "9b2d6c4e-1f3a-4e5b-8c7d-0a1b2c3d4e5f";
    private const string ObjectId = "5a5a5a5a-1111-4222-8333-444444444444";

    [Fact]
    public async Task The_person_with_the_email_is_linked_whatever_its_case_with_an_audit_line()
    {
        var outcome = await LinkAsync(new TeamsAccount(ObjectId.ToUpperInvariant(), "Olivia.OWNER@council.test", null, Tenant));

        var linked = Assert.IsType<LinkOutcome.Linked>(outcome);
        Assert.True(linked.Now);
        Assert.Equal(Council.Owner.Id, linked.Person.Id);
        await using var db = Database.NewContext();
        Assert.Equal(ObjectId, (await db.People.SingleAsync(p => p.Id == Council.Owner.Id)).EntraObjectId);
        var audit = Assert.Single(await db.AuditLog.Where(a => a.EntityType == LinkTeamsAccount.AuditEntityType).ToListAsync());
        Assert.Equal(("Person", LinkTeamsAccount.AuditAction, "PmfBot"), (audit.EntityType, audit.Action, audit.ActorName));
        Assert.DoesNotContain(ObjectId, audit.Before);
        Assert.Contains(ObjectId, audit.After);
    }

    [Fact]
    public async Task The_user_principal_name_is_tried_when_the_email_matches_nobody()
    {
        var outcome = await LinkAsync(new TeamsAccount(ObjectId, "someone.else@elsewhere.test", "Lee.Officer@council.test", Tenant));

        Assert.Equal(Council.LeadOfficer.Id, Assert.IsType<LinkOutcome.Linked>(outcome).Person.Id);
    }

    [Fact]
    public async Task An_account_matching_nobody_is_refused_with_the_performance_team_to_ask()
    {
        await using (var db = Database.NewContext())
        {
            (await db.People.SingleAsync(p => p.Id == Council.PerformanceLead.Id)).IsPerformanceTeam = true;
            await db.SaveChangesAsync();
        }

        var outcome = await LinkAsync(new TeamsAccount(ObjectId, "nobody@council.test", "nobody@council.test", Tenant));

        var refused = Assert.IsType<LinkOutcome.Refused>(outcome);
        Assert.Equal(LinkRefusalReason.NoMatch, refused.Reason);
        Assert.Equal([new Contact("Pat Lead", "pat.lead@council.test")], refused.PerformanceTeam);
        await AssertNothingLinkedAsync();
    }

    [Theory]
    [InlineData("11111111-2222-4333-8444-555555555555")]
    [InlineData(null)]
    public async Task An_account_outside_the_allowed_tenants_is_refused(string? tenant)
    {
        var outcome = await LinkAsync(new TeamsAccount(ObjectId, Council.Owner.Email, null, tenant));

        Assert.Equal(LinkRefusalReason.OtherTenant, Assert.IsType<LinkOutcome.Refused>(outcome).Reason);
        await AssertNothingLinkedAsync();
    }

    [Fact]
    public async Task A_person_already_linked_to_another_account_is_refused_and_keeps_their_link()
    {
        await LinkOwnerToAsync("6b6b6b6b-0000-4000-8000-000000000000");

        var outcome = await LinkAsync(new TeamsAccount(ObjectId, Council.Owner.Email, null, Tenant));

        var refused = Assert.IsType<LinkOutcome.Refused>(outcome);
        Assert.Equal(LinkRefusalReason.PersonLinkedElsewhere, refused.Reason);
        Assert.Equal(Council.Owner.Id, refused.Matched?.Id);
        await using var db = Database.NewContext();
        Assert.Equal("6b6b6b6b-0000-4000-8000-000000000000", (await db.People.SingleAsync(p => p.Id == Council.Owner.Id)).EntraObjectId);
    }

    [Fact]
    public async Task An_object_id_already_someones_stays_theirs_whatever_email_Teams_now_gives()
    {
        await LinkOwnerToAsync(ObjectId);

        var outcome = await LinkAsync(new TeamsAccount(ObjectId, Council.Collator.Email, null, Tenant));

        var linked = Assert.IsType<LinkOutcome.Linked>(outcome);
        Assert.Equal((Council.Owner.Id, false), (linked.Person.Id, linked.Now));
        await using var db = Database.NewContext();
        Assert.Null((await db.People.SingleAsync(p => p.Id == Council.Collator.Id)).EntraObjectId);
    }

    [Fact]
    public async Task An_account_without_an_email_or_principal_name_is_refused()
    {
        var outcome = await LinkAsync(new TeamsAccount(ObjectId, null, " ", Tenant));

        Assert.Equal(LinkRefusalReason.NotEnoughKnown, Assert.IsType<LinkOutcome.Refused>(outcome).Reason);
    }

    private async Task<LinkOutcome> LinkAsync(TeamsAccount account)
    {
        await using var db = Database.NewContext();
        return await new LinkTeamsAccount(db, Clock).LinkAsync(account, [Tenant.ToUpperInvariant()], "test");
    }

    private async Task LinkOwnerToAsync(string objectId)
    {
        await using var db = Database.NewContext();
        (await db.People.SingleAsync(p => p.Id == Council.Owner.Id)).LinkEntraObjectId(objectId);
        await db.SaveChangesAsync();
    }

    private async Task AssertNothingLinkedAsync()
    {
        await using var db = Database.NewContext();
        Assert.False(await db.People.AnyAsync(p => p.EntraObjectId != null));
        Assert.False(await db.AuditLog.AnyAsync(a => a.EntityType == LinkTeamsAccount.AuditEntityType));
    }
}
