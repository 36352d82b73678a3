using PmfBot.Bot.Conversation;
using PmfBot.Bot.Dashboard;
using PmfBot.Bot.Delivery;
using PmfBot.Bot.Demo;
using PmfBot.Bot.Health;
using PmfBot.Bot.Import;
using PmfBot.Bot.Meetings;
using PmfBot.Bot.MessageExtensions;
using PmfBot.Bot.Notices;
using PmfBot.Bot.Publication;
using PmfBot.Bot.Storage;
using PmfBot.Bot.Tabs;
using PmfBot.Bot.Teams;
using PmfBot.Bot.Telemetry;
using PmfBot.Domain;
using PmfBot.Scheduler.Hosting;

// Verbs that work on the database and exit instead of starting the bot.
if (await ImportCommand.TryRunAsync(args) is { } importExitCode) { return importExitCode; }
if (await MigrateCommand.TryRunAsync(args) is { } migrateExitCode) { return migrateExitCode; }

var builder = WebApplication.CreateBuilder(args);
builder.AddStorage();
builder.AddDomain();
builder.AddDemo();
builder.AddTeams();
builder.AddConversation();
builder.AddMessageExtensions();
builder.AddMeetings();
builder.AddDelivery();
builder.AddPublication();
builder.AddTabs();
builder.AddNotices();
builder.AddHealth();
builder.AddTelemetry();
builder.AddDashboardSignIn();

var app = builder.Build();
if (!await app.TryPrepareStorageAsync()) { return 1; }
app.MapHealth();
if (app.RunsWeb())
{
    app.MapTeams();
    app.MapPublication();
    app.MapTabs();
    app.MapNotices();
}

app.MapSchedulerDashboard();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
