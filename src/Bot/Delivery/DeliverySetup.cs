using Microsoft.Extensions.Options;
using PmfBot.Scheduler.Delivery;
using PmfBot.Scheduler.Hosting;

namespace PmfBot.Bot.Delivery;

public static class DeliverySetup
{
    /// <summary>
    /// The quarterly cycle (Hangfire, <c>src/Scheduler</c>) with the bot as its delivery: outbox
    /// messages are rendered and sent by <see cref="TeamsOutboxDelivery"/>. <c>Scheduler:Role</c>
    /// says whether this process runs a Hangfire server (docs/scheduler.md).
    /// </summary>
    public static WebApplicationBuilder AddDelivery(this WebApplicationBuilder builder)
    {
        builder.Services.AddScheduler(builder.Configuration);
        builder.Services.AddSingleton<IOutboxDelivery, TeamsOutboxDelivery>();
        return builder;
    }

    /// <summary>
    /// A <c>worker</c> (Scheduler:Role) runs the cycle only: it answers /healthz but serves no
    /// Teams traffic, so a council can scale web and workers separately on one PostgreSQL.
    /// </summary>
    public static bool RunsWeb(this WebApplication app) =>
        app.Services.GetRequiredService<IOptions<SchedulerOptions>>().Value.RunsWeb;
}
