using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PmfBot.Bot.Teams;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Teams.Support;

/// <summary>The real bot host (Program) with test settings and recording handlers.</summary>
public sealed class BotApplication : WebApplicationFactory<Program>
{
    public const string AppId = "5f1c8e3a-0b7d-4c2e-9a61-2d4f7b9e0c13";
    public const string TenantId = "9b2d6c4e-1f3a-4e5b-8c7d-0a1b2c3d4e5f";
    public const string OtherTenantId = "11111111-2222-4333-8444-555555555555";
    public const string ServiceUrl = "https://smba.trafficmanager.net/uk/";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _recordingMessageHandler;

    /// <param name="recordingMessageHandler">False: the bot's own default message handler answers (the echo).</param>
    public BotApplication(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null, bool recordingMessageHandler = true)
    {
        _settings = settings;
        _services = services;
        _recordingMessageHandler = recordingMessageHandler;
    }

    /// <summary>Authenticated mode against a fake Bot Connector identity, tenant <see cref="TenantId"/> allowed.</summary>
    public static BotApplication Authenticated(FakeBotConnectorIdentity identity, Action<Dictionary<string, string?>>? tweak = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:AppPassword"] = "test-secret-not-real",
            ["Bot:OpenIdMetadataUrl"] = identity.MetadataUrl,
            ["Bot:AllowedTenants:0"] = TenantId,
            ["Bot:SigningKeysMinimumRefreshInterval"] = "00:00:00",
        };
        tweak?.Invoke(settings);
        return new BotApplication(settings);
    }

    /// <summary>Local mode: no app id.</summary>
    public static BotApplication Local(Action<Dictionary<string, string?>>? tweak = null, bool recordingMessageHandler = true)
    {
        var settings = new Dictionary<string, string?>();
        tweak?.Invoke(settings);
        return new BotApplication(settings, recordingMessageHandler: recordingMessageHandler);
    }

    public HandlerLog Log => Services.GetRequiredService<HandlerLog>();

    public CapturedLogs Logs { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    public ActivityQueue Queue => Services.GetRequiredService<ActivityQueue>();

    /// <summary>A SQLite file of its own, so parallel test classes never share a database.</summary>
    public SqliteTestDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:SqlitePath", Database.Options.SqlitePath);
        builder.UseSetting("Demo:Seed", "false");
        // No Hangfire server unless a test asks for one (Scheduler:Role in its settings).
        builder.UseSetting("Scheduler:Role", "web");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<HandlerLog>();
            services.AddScoped<ScopeProbe>();
            if (_recordingMessageHandler)
            {
                // The only message handler: the bot's own conversation would answer Microsoft's sample payloads
                // at their real serviceUrl (smba.trafficmanager.net), a call out of this machine.
                services.RemoveAll<IActivityHandler<MessageActivity>>();
                services.AddActivityHandler<MessageActivity, RecordingMessageHandler>();
            }

            services.AddActivityHandler<ConversationUpdateActivity, RecordingConversationUpdateHandler>();
            services.AddInboundActivityObserver<RecordingObserver>();
            services.AddInvokeHandler<TestCardActionHandler>(InvokeActivity.AdaptiveCardActionName);
            _services?.Invoke(services);
        });
    }
}
