using PmfBot.Bot.Conversation;
using PmfBot.Bot.Dashboard;
using PmfBot.Bot.Delivery;
using PmfBot.Bot.Demo;
using PmfBot.Bot.Health;
using PmfBot.Bot.Import;
using PmfBot.Bot.Publication;
using PmfBot.Bot.Storage;
using PmfBot.Bot.Teams;
using PmfBot.Bot.Telemetry;
using PmfBot.Scheduler.Hosting;

if (await ImportCommand.TryRunAsync(args) is { } importExitCode) { return importExitCode; }

var builder = WebApplication.CreateBuilder(args);
builder.AddPmfStorage();
builder.AddPmfDomain();
builder.AddDemoCouncil();
builder.AddTeamsBot();
builder.AddPmfConversation();
builder.AddPmfCycle();
builder.AddPublication();
builder.AddPmfHealth();
builder.AddPmfTelemetry();
builder.AddDashboardSignIn();

var app = builder.Build();
app.MapHealth();
if (app.RunsWeb())
{
    app.MapTeamsBot();
    app.MapPublication();
}

app.MapPmfSchedulerDashboard();
app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
