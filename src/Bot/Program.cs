using PmfBot.Bot.Health;
using PmfBot.Bot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddPmfStorage();
builder.AddPmfDomain();

var app = builder.Build();
app.MapHealth();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
