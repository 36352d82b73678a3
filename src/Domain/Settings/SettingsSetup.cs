using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PmfBot.Domain.Settings;

/// <summary>
/// PmfBot's one way to take settings: a plain class bound from its configuration section and
/// checked by its own <see cref="ISettings.Problems"/> when the host starts, so a bad setting stops
/// the start with the reason instead of failing at first use.
/// </summary>
public static class SettingsSetup
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section)
        where T : class, ISettings
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new SettingsCheck<T>(section)));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// The same settings read before the container exists, for the few registrations that depend on
    /// them (which database, whether Graph or the dashboard sign-in is set up). They are still
    /// checked at start through <see cref="AddSettings{T}"/>.
    /// </summary>
    public static T ReadSettings<T>(this IConfiguration configuration, string section)
        where T : class, ISettings, new() =>
        configuration.GetSection(section).Get<T>() ?? new T();

    private sealed class SettingsCheck<T>(string section) : IValidateOptions<T>
        where T : class, ISettings
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            options.Problems() is { Count: > 0 } problems
                ? ValidateOptionsResult.Fail(problems.Select(p => $"The {section} settings are not usable: {p}"))
                : ValidateOptionsResult.Success;
    }
}
