using PmfBot.Bot.Health;
using PmfBot.Bot.Teams;

var builder = WebApplication.CreateBuilder(args);

builder.AddTeamsBot();

var app = builder.Build();

app.MapHealth();
app.MapTeamsBot();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
