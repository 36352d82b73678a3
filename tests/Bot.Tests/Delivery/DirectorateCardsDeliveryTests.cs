using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Delivery;

namespace PmfBot.Bot.Tests.Delivery;

/// <summary>The sign-off and self-assessment cards as the bot sends them for the cycle's messages.</summary>
public sealed class DirectorateCardsDeliveryTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    private static readonly DemoPerson Lead = DemoCouncil.People.PerformanceLead;
    private Guid _adultsAndHealth;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Bot.NewContext();
        _adultsAndHealth = await db.Directorates.Where(d => d.Code == "AH").Select(d => d.Id).SingleAsync();
    }

    [Theory]
    [InlineData("returns-in", "Every Q2 2025/26 return is in: please sign them off by")]
    [InlineData("due", "Sign-off of Q2 2025/26 returns is due today: returns are waiting for you.")]
    public async Task The_performance_lead_gets_the_sign_off_card_with_why_it_came(string occasion, string notice)
    {
        var quarter = Period.Parse("2025-26-Q2");
        var text = await DeliverToLeadAsync(new PlannedMessage(
            $"{OutboxKinds.SignOff}:{occasion}", OutboxKinds.SignOff, Lead.Id, null, quarter,
            new SignOffPayload(_adultsAndHealth, quarter.Key, new DateOnly(2025, 10, 21), occasion)));

        Assert.Contains(notice, text);
        Assert.Contains("Sign-off: Adults and Health, Q2 2025/26", text);
    }

    [Fact]
    public async Task Whoever_answers_the_self_assessment_gets_its_card_before_the_board_meeting()
    {
        var quarter = Period.Parse("2025-26-Q2");
        var text = await DeliverToLeadAsync(new PlannedMessage(
            $"{OutboxKinds.SelfAssessment}:x", OutboxKinds.SelfAssessment, Lead.Id, null, quarter,
            new SelfAssessmentPayload(_adultsAndHealth, quarter.Key, new DateOnly(2025, 10, 28))));

        Assert.Contains("The board meets on Tuesday 28 October 2025: please add your directorate's other concerns before then.", text);
        Assert.Contains("Save self assessment", text);
    }

    private async Task<string> DeliverToLeadAsync(PlannedMessage planned)
    {
        await Bot.SayAsync(Lead, "hello");
        var before = Bot.Connector.LogEntries.Count();
        await using (var scope = Bot.Services.CreateAsyncScope())
        {
            Assert.IsType<DeliveryOutcome.Sent>(await scope.ServiceProvider.GetRequiredService<IOutboxDelivery>().DeliverAsync(planned.ToOutbox(Bot.Clock.GetUtcNow()), CancellationToken.None));
        }

        await Bot.ConnectorSettledAsync();
        var post = Assert.Single(Bot.Connector.LogEntries.Skip(before), e => e.RequestMessage.Method == "POST");
        return ConversationBot.TextOf(JsonNode.Parse(post.RequestMessage.Body!)!);
    }
}
