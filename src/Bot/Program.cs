using PmfBot.Bot.Health;

var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();

app.MapHealth();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
